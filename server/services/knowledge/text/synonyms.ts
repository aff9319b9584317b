// Built-in synonym groups for customer-service Chinese: the ways customers say the same thing. Each
// word maps to its group's first entry, at index and at query time, so "钱啥时候退回来" meets
// "退款多久到账". Tenants add their own groups (充电桩 = 充电器) on top; theirs win on conflict.

export const BUILTIN_SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ["多久", "多长时间", "多少时间", "几天", "多少天", "什么时候", "啥时候", "何时", "多快", "要多久"],
  ["发货", "寄出", "发出", "出库", "寄", "发", "寄件", "送出"],
  ["到货", "送到", "到达", "收到", "到手", "送达"],
  ["退款", "退钱", "退费", "返款", "退回", "返还"],
  ["到账", "到帐", "入账"],
  ["退货", "退回去", "退掉", "寄回"],
  ["换货", "调换", "换一个", "更换"],
  ["物流", "快递", "运单", "包裹", "配送"],
  ["运费", "邮费", "快递费", "配送费"],
  ["查询", "查", "查看", "看看", "跟踪"],
  ["订单", "单子", "订单号", "单号"],
  ["发票", "票据", "开票", "invoice"],
  ["修改", "改", "更改", "变更", "更新"],
  ["取消", "撤销", "不要了"],
  ["怎么", "如何", "咋", "怎样", "怎么样", "咋整", "怎么办"],
  ["可以", "能", "能否", "能不能", "可不可以", "行不行", "中不中"],
  ["有没有", "是否有", "有无"],
  ["价格", "多少钱", "价钱", "费用", "收费", "报价"],
  ["便宜", "优惠", "折扣", "打折", "减免"],
  ["优惠券", "券", "红包", "代金券"],
  ["积分", "分数", "点数"],
  ["会员", "vip"],
  ["账号", "账户", "帐号", "帐户", "用户名"],
  ["登录", "登陆", "登入", "登不上"],
  ["密码", "口令"],
  ["手机号", "电话号码", "手机号码", "号码"],
  ["客服", "人工", "人工客服", "客服人员", "真人"],
  ["电话", "热线", "联系方式"],
  ["保修", "质保", "保修期", "三包"],
  ["维修", "修理", "修", "报修"],
  ["坏", "坏了", "故障", "损坏", "出问题", "不工作", "不能用", "用不了"],
  ["破损", "摔坏", "压坏", "磕碰"],
  ["安装", "装", "施工", "上门装"],
  ["充电桩", "充电器", "桩", "充电盒", "充电设备"],
  ["充电", "充不上电", "充电慢"],
  ["功率", "千瓦", "kw"],
  ["兼容", "适配", "支持", "匹配"],
  ["汽车", "车", "电车", "电动车", "新能源车"],
  ["物业", "小区物业", "物业公司"],
  ["电表", "电表箱", "报装"],
  ["线", "线缆", "电缆", "电线"],
  ["指示灯", "灯", "红灯", "闪灯"],
  ["app", "应用", "软件", "小程序"],
  ["连接", "连", "配网", "绑定", "连不上"],
  ["付款", "支付", "付钱", "买单"],
  ["分期", "花呗", "分期付款"],
  ["地址", "收货地址", "收件地址"],
  ["门店", "实体店", "线下店"],
  ["营业时间", "上班时间", "几点开门", "工作时间"],
  ["批发", "批量", "企业采购", "大客户", "团购"],
  ["注销", "删除账号", "销户"],
  ["隐私", "个人信息", "数据"],
];

export function buildSynonymMap(groups: readonly (readonly string[])[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const group of groups) {
    const head = group[0];
    for (const word of group) map.set(word, head);
  }
  return map;
}

export const BUILTIN_SYNONYMS: ReadonlyMap<string, string> = buildSynonymMap(BUILTIN_SYNONYM_GROUPS);

/** The canonical form of a word: a tenant group first, then the built-in groups. */
export function canonicalWord(word: string, tenant?: ReadonlyMap<string, string>): string {
  return tenant?.get(word) ?? BUILTIN_SYNONYMS.get(word) ?? word;
}
