// Naming what a target measures. The clause before the number is trimmed of scope words (全市),
// hedges (确保), times (2023年), leading verbs (创建, 推送) and the comparator (达到), leaving the
// noun phrase: "全市2023年公办幼儿园在园幼儿占比达到" → "公办幼儿园在园幼儿占比".

const LEAD = new RegExp(
  "^(?:" +
    [
      "(?:面向|针对|为|向|对|联合|依托|利用|通过|结合|围绕)[^,;。]{1,24}?(?:开展|举办|组织|提供|推送|实施)",
      "全市|全区|全县|全省|全国|全镇|我市|本市|我区|我县|我局|各地|各校|各级各类学校|全体",
      "每(?:所|个)?(?:学校|校|幼儿园|园)",
      "并且|并|同时|其中|使得|推动|推进|促进|进一步|持续|继续|全面|积极|稳步|逐步|基本|切实|大力|全力|着力|择优",
      "力争|确保|争取|力求|计划|预计|预期|力保|实现|每年|全年|年内|今年|本年度|累计|共计",
      "创建|创成|建成|新建|改扩建|改建|扩建|新增|增加|推送|建设|组织|新组建|组建|成立|遴选|评选出|评选|选树|培育|打造|组织开展|开展|举办|承办",
      "完成|招聘|引进|补充|提供|开设|设立|认定|命名|推荐|申报|配备|招收|建立",
      "国家级|省级|市级|县级|区级|校级|[\\u4e00-\\u9fa5]{1,4}(?:省|市|县|区)级",
      "到?\\d{4}年(?:\\d{1,2}月)?(?:底|末)?(?:前|以前|之前)?|年底前|年底|\\d{1,2}月底?前?",
      "、|\\s",
    ].join("|") +
    ")",
);
const HEAD_SUFFIX = "率数量额比例值";
const JOINER = /^(?:以及|和|及|与)/;

const TRAIL =
  /(?:不少于|不低于|不得少于|不得低于|不超过|不得超过|不高于|不得高于|至少|最少|最多|达到|达|提高到|提高至|提升到|提升至|增加到|增加至|增长到|增至|保持在|稳定在|控制在|控制到|降至|降低到|降低至|降到|下降到|下降至|减少到|减少至|压减到|压减至|压缩到|压缩至|超过|超|高于|多于|大于|低于|少于|小于|分别为|分别达到|均达到|均为|为|在|要|应|须|共计|累计|总计|合计|的)$/;

/** Narrows canonical `[a, b)` to the noun phrase naming an indicator; returns the new range. */
export function indicatorRange(
  text: string,
  a: number,
  b: number,
  opts: { place: string | null; afterTarget: boolean },
): [number, number] {
  let s = a;
  let e = b;
  for (let guard = 0; guard < 12 && s < e; guard++) {
    const head = text.slice(s, Math.min(e, s + 40));
    let m = LEAD.exec(head);
    if (!m && opts.afterTarget) m = JOINER.exec(head);
    let len = m ? m[0].length : 0;
    if (!m && opts.place && head.startsWith(opts.place)) len = opts.place.length;
    // Never strip a word that heads the phrase itself: 完成率, 使用率, 新增数.
    if (len === 0 || e - (s + len) === 1 || HEAD_SUFFIX.includes(text[s + len] ?? "")) break;
    s += len;
  }
  const tail = TRAIL.exec(text.slice(Math.max(s, e - 6), e));
  if (tail && e - tail[0].length - s >= 2) e -= tail[0].length;
  while (e > s && "、,;:( ".includes(text[e - 1]!)) e--;
  return [s, e];
}

/** The noun phrase after a number ("推送5个|优秀党建工作品牌"), as a canonical range ending at `limit`. */
export function nounAfter(text: string, from: number, limit: number): [number, number] {
  let s = from;
  if (text[s] === "的") s++;
  let e = s;
  while (e < limit && e - s < 24) {
    const ch = text[e]!;
    if ("、,;:。!?()\n\t和及与并".includes(ch) || (ch >= "0" && ch <= "9")) break;
    e++;
  }
  if (text[e - 1] === "等") e--;
  return [s, e];
}
