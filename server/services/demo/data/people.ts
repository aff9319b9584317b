// Names and phrases for the simulated customers and agent. Plain lists; the generator picks from
// them with a seeded random source, so the same options give the same demo.

export const SURNAMES =
  "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤".split(
    "",
  );

export const GIVEN_NAMES = [
  "伟",
  "芳",
  "娜",
  "敏",
  "静",
  "磊",
  "洋",
  "艳",
  "勇",
  "军",
  "杰",
  "娟",
  "涛",
  "明",
  "超",
  "秀兰",
  "霞",
  "平",
  "刚",
  "桂英",
  "建华",
  "志强",
  "晓东",
  "海燕",
  "丽华",
  "文博",
  "子涵",
  "浩然",
  "雨轩",
  "思远",
  "佳怡",
  "梓萱",
  "俊杰",
  "欣怡",
  "宇航",
  "建国",
  "春梅",
  "立新",
  "红梅",
  "国强",
  "鹏",
  "琳",
  "晨",
  "婷",
  "斌",
];

export const WECHAT_NICKS = [
  "阳光",
  "小鱼",
  "老陈",
  "追风",
  "Lucky",
  "静待花开",
  "大海",
  "Tony",
  "小米",
  "安然",
  "木子",
  "Leo",
];

export const COMPANIES = [
  "蔚来车主俱乐部",
  "滨江物业",
  "星河湾业主群",
  "绿城物业",
  "个人",
  "万科物业",
  "比亚迪 4S 店",
];

export const CITIES = [
  "上海",
  "杭州",
  "苏州",
  "南京",
  "深圳",
  "广州",
  "北京",
  "成都",
  "武汉",
  "宁波",
  "合肥",
  "西安",
];

/** What 小王 says after taking over, before the closing line. */
export const AGENT_REPLIES = [
  "您好，我是客服小王，这边帮您看一下，请稍等。",
  "麻烦发一下订单号和桩体侧面的 SN 码，我帮您登记。",
  "已经帮您提交了上门维修工单，师傅会在 24 小时内联系您。",
  "这个情况我们安排区域经理跟您对接，稍后会电话联系您。",
  "非常抱歉给您带来不便，这边为您申请了 100 元补偿券。",
  "我查了一下，您的订单已经发货，顺丰单号已发到您手机上。",
  "电表是否三相可以看表盘上的 3×220/380V 字样，您拍张照片发我也可以。",
  "焦味请先断开空开停止使用，我马上安排师傅加急上门检查。",
];

export const AGENT_CLOSINGS = [
  "还有其他问题随时联系我们，祝您用车愉快！",
  "好的，问题已处理，感谢您的耐心～",
];

export const CUSTOMER_THANKS = ["好的，谢谢", "明白了", "OK 谢谢", "收到", "好的", "谢谢，辛苦了"];

export const CLARIFY_REPLIES = [
  "请问您说的是哪个型号（J7 / J11 / J22）？方便的话拍一下桩体屏幕或铭牌给我看看。",
  "能再具体描述一下遇到的情况吗？比如屏幕上的提示或故障代码。",
  "请问是安装前的咨询还是已经安装使用中的问题呢？",
];

export const TRANSFER_REPLY = "这个问题我帮您转接人工客服，请稍等。";
