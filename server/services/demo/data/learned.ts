// Questions the FAQ does not cover, as customers ask them (`ask`) and as 小王 answered them. The
// simulated escalations use the asks and 小王 gives these answers, so each learned item can cite a
// conversation whose excerpt really contains it. `status` is where the item stands in the review
// queue: published (auto-approved or approved), waiting for review, or turned down with a note.

export type TLearnedSeed = {
  ask: string;
  question: string;
  answer: string;
  status: "AUTO_APPROVED" | "APPROVED" | "PENDING" | "REJECTED";
  note?: string;
};

export const DEMO_LEARNED: TLearnedSeed[] = [
  {
    ask: "我家是老小区，电表在一楼，车位在地下二层，线要走多远？",
    question: "老小区电表在一楼、车位在地下，线缆怎么收费？",
    answer: "30 米以内免费，超出部分 35 元/米；勘测时师傅会测量实际走线距离并提前告知费用。",
    status: "AUTO_APPROVED",
  },
  {
    ask: "能不能帮我看看我的电表是不是三相的",
    question: "怎么判断家里的电表是不是三相的？",
    answer:
      "看电表铭牌：标有 3×220/380V 或 3×380V 的是三相电表，只标 220V 的是单相。也可以拍照发给客服确认。",
    status: "APPROVED",
  },
  {
    ask: "充电的时候闻到焦味，是不是要着火了",
    question: "充电时闻到焦味怎么办？",
    answer: "请立即停止充电、拔枪并断开空开，不要再使用，我们会安排师傅加急上门检查。",
    status: "AUTO_APPROVED",
  },
  {
    ask: "我想做你们的代理商，怎么合作",
    question: "可以做极速充的代理商吗？",
    answer: "欢迎合作！请把所在城市、公司名称和联系方式发给我，渠道经理会在 2 个工作日内联系您。",
    status: "APPROVED",
  },
  {
    ask: "你们公司地址在哪里，能去现场看吗",
    question: "可以去现场看样机吗？",
    answer: "可以，我们在上海、杭州、深圳设有体验店，请提前一天联系客服预约。",
    status: "AUTO_APPROVED",
  },
  {
    ask: "我要投诉，安装师傅迟到了三个小时",
    question: "安装师傅迟到了怎么投诉？",
    answer: "非常抱歉！请提供订单号，我登记后 24 小时内回复处理结果，核实后补偿 50 元优惠券。",
    status: "APPROVED",
  },
  {
    ask: "J22 能给单相的车充吗，我朋友的车是单相的",
    question: "J22 能给单相充电的车用吗？",
    answer: "可以，J22 会自动识别车辆，单相车辆按车辆支持的最大交流功率充电。",
    status: "PENDING",
  },
  {
    ask: "物业要消防检测证明，你们有吗",
    question: "物业要求提供消防检测证明怎么办？",
    answer: "我们可以提供产品的 3C 认证证书和消防检测报告电子版，发到您的邮箱即可。",
    status: "PENDING",
  },
  {
    ask: "我的车位旁边没有墙，能装吗",
    question: "车位没有墙可以装吗？",
    answer: "可以加装立柱安装，立柱 299 元，勘测时师傅会确认地面条件。",
    status: "PENDING",
  },
  {
    ask: "东北冬天零下二十度能正常充电吗",
    question: "冬天零下二十度还能充电吗？",
    answer: "可以，充电桩工作温度低至 -30℃；低温时车辆会先加热电池，开始阶段功率较低属正常现象。",
    status: "PENDING",
  },
  {
    ask: "多出来的线缆费能单独开票吗",
    question: "超出的线缆费能单独开发票吗？",
    answer: "可以，超出部分的线缆和施工费可单独开具服务费发票。",
    status: "PENDING",
  },
  {
    ask: "上次师傅把我墙弄坏了，谁负责？",
    question: "安装时把墙弄坏了谁负责？",
    answer: "安装造成的损坏由我们负责修复，请发一下照片和订单号，我们安排回访处理。",
    status: "PENDING",
  },
  {
    ask: "转人工",
    question: "转人工",
    answer: "您好，我是客服小王，这边帮您看一下，请稍等。",
    status: "REJECTED",
    note: "转接指令，不是知识",
  },
  {
    ask: "你们是不是骗子，钱交了一直没人联系",
    question: "你们是不是骗子",
    answer: "我们是正规品牌，我马上帮您催一下安装师傅。",
    status: "REJECTED",
    note: "情绪化提问，答案是个案处理",
  },
  {
    ask: "给我打个折吧，太贵了",
    question: "能打折吗？",
    answer: "这边为您申请了 100 元补偿券。",
    status: "REJECTED",
    note: "个案补偿，不能作为通用答案",
  },
];

/** Escalations without a reusable answer (小王 answers case by case). */
export const OTHER_HARD_ASKS = ["人工客服", "你们能不能跟我们物业谈一下？"];
