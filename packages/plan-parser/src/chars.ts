// Character tables shared by the normaliser and the scanners. All lookups are O(1) so that
// normalising a megabyte stays a single linear pass.

// Traditional → simplified pairs for the words that matter to structure and targets. One character
// maps to one character, so offsets never shift; the output keeps the original text as written.
const TRADITIONAL_PAIRS =
  "學学園园們们國国來来個个這这時时會会後后對对發发與与為为關关經经開开長长門门問问題题動动業业區区總总" +
  "實实於于體体進进現现還还點点當当從从氣气麼么應应機机種种樣样費费師师達达產产聯联變变響响級级紀纪網网" +
  "歷历專专書书記记員员雜杂辦办劃划計计優优質质務务態态強强隊队準准規规範范導导設设術术傳传統统農农職职" +
  "據据親亲習习讀读語语講讲議议談谈認认證证論论說说課课調调貧贫資资財财購购兒儿殘残齊齐顯显營营養养衛卫" +
  "護护醫医療疗藥药讓让訓训練练軟软轉转輕轻車车運运遠远過过選选邊边鄉乡鎮镇銷销錢钱鐵铁閱阅間间際际陽阳" +
  "隨随險险難难雙双離离電电靜静頁页項项順顺須须預预領领頭头額额類类顧顾風风飛飞飯饭館馆驗验黨党齡龄龍龙" +
  "價价億亿債债傷伤僅仅備备側侧儲储兩两內内冊册寫写勞劳勢势勵励協协參参號号單单嚴严團团圍围圖图圓圆場场" +
  "報报塊块壓压夠够夢梦奮奋婦妇嬰婴孫孙審审將将尋寻層层屆届屬属歲岁島岛幣币帶带幫帮庫库廢废廣广廳厅張张" +
  "歸归徑径復复徵征徹彻惡恶愛爱慣惯慮虑慶庆懷怀戰战戶户擔担擊击擴扩擁拥擬拟攜携敗败數数斷断晉晋條条東东" +
  "極极樂乐標标樹树橋桥檢检檔档權权歡欢殺杀決决沒没況况濟济溝沟滿满漢汉潔洁災灾無无煙烟熱热爭争狀状獎奖" +
  "獨独獲获環环畫画盡尽盤盘碼码確确礎础禮礼稅税穩稳積积窮穷競竞筆笔築筑簡简節节糧粮約约純纯紙纸細细終终" +
  "組组結结絡络絲丝綜综綠绿維维編编縣县績绩織织續续羅罗義义聖圣聞闻聲声腦脑臨临興兴舉举舊旧藝艺蘇苏處处" +
  "補补製制複复視视覽览覺觉觀观訂订討讨許许評评試试詩诗話话該该詳详誠诚誤误誰谁請请諮咨諸诸謀谋識识豐丰" +
  "負负貢贡貨货責责貸贷賞赏賢贤賣卖賴赖賽赛贊赞趕赶趨趋跡迹蹤踪軍军軌轨較较輔辅輪轮輸输連连週周遊游違违" +
  "適适遺遗邏逻郵邮針针銀银鋪铺鏈链閉闭閑闲陣阵陰阴陳陈陸陆階阶隱隐靈灵韓韩頂顶頻频願愿驅驱鬧闹魚鱼鳥鸟" +
  "麥麦黃黄齒齿蓋盖萬万牽牵創创衝冲贏赢雖虽產产訪访錄录鑒鉴鑑鉴監监彙汇匯汇縮缩擇择薦荐寬宽稱称遞递啟启" +
  "啓启顏颜誌志礙碍臺台灣湾壽寿觸触絕绝線线緊紧緒绪縱纵繫系係系罰罚戲戏懸悬懲惩礦矿裝装誼谊謝谢譽誉貫贯" +
  "貴贵貿贸賠赔賬账躍跃軸轴輯辑轄辖辭辞邁迈鄰邻釋释鍛锻鎖锁鐘钟閣阁闡阐雲云頒颁頓顿餘余饋馈駐驻騰腾驟骤" +
  "鬆松麗丽漲涨滅灭潤润濕湿燈灯爐炉牆墙犧牺獻献畢毕異异眾众矯矫碩硕磚砖禍祸穀谷簽签籌筹糾纠紅红紛纷紹绍" +
  "綱纲緩缓繞绕繪绘繳缴聰聪肅肃脈脉膚肤艱艰莊庄華华葉叶藍蓝蘭兰虛虚術术襯衬訊讯託托訴诉診诊註注詞词詢询" +
  "誘诱誦诵諒谅諾诺謂谓謹谨譯译豬猪販贩貪贪賦赋賺赚贈赠載载輝辉輩辈遷迁醜丑鈔钞鉛铅銳锐錯错鍵键鏡镜閃闪" +
  "閒闲閥阀韻韵頌颂飄飘飽饱餅饼馬马駕驾騎骑驚惊鬥斗魯鲁鮮鲜鳴鸣鹽盐麵面罷罢紮扎壯壮聽听";

/** A 64K lookup table that maps each UTF-16 code unit to its canonical form (same length, one unit). */
export const CANONICAL: Uint16Array = buildCanonicalTable();

function buildCanonicalTable(): Uint16Array {
  const table = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) table[c] = c;
  // Full-width ASCII forms (digits, brackets, colon, percent …) fold to ASCII so one regex fits both.
  for (let c = 0xff01; c <= 0xff5e; c++) table[c] = c - 0xfee0;
  const fold: [string, string][] = [
    ["\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2500\ufe58\ufe63", "-"],
    ["\u301c\u223c\u02dc", "~"],
    ["\ufe6a", "%"],
    ["\ufe54", ";"],
    ["\ufe50", ","],
    ["\ufe52", "."],
    ["\ufe55", ":"],
    ["\uff61", "。"],
    ["\uff64", "、"],
  ];
  for (const [from, to] of fold) {
    for (const ch of from) table[ch.charCodeAt(0)] = to.charCodeAt(0);
  }
  for (let i = 0; i + 1 < TRADITIONAL_PAIRS.length; i += 2) {
    table[TRADITIONAL_PAIRS.charCodeAt(i)] = TRADITIONAL_PAIRS.charCodeAt(i + 1);
  }
  return table;
}

/** True for whitespace that may appear inside a line: spaces, tabs, U+3000, NBSP, zero-width marks, BOM. */
export function isInlineSpace(c: number): boolean {
  return (
    c === 0x20 ||
    c === 0x09 ||
    c === 0x0b ||
    c === 0xa0 ||
    c === 0x3000 ||
    (c >= 0x2000 && c <= 0x200d) ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x2060 ||
    c === 0xfeff
  );
}

/** True for characters that end a physical line. */
export function isLineBreak(c: number): boolean {
  return c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029 || c === 0x0c || c === 0x85;
}

/** True for an ASCII digit or letter (after canonical folding). */
export function isAsciiAlnum(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** True for an ASCII digit. */
export function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** True for a CJK unified ideograph (the Han characters that make up words). */
export function isHan(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || c === 0x3007;
}

/** True for punctuation that ends a sentence in the canonical text. */
export function isSentenceEnd(c: number): boolean {
  return c === 0x3002 || c === 0x21 || c === 0x3f;
}

/** True for punctuation that ends a clause (comma, semicolon, colon) or a sentence. */
export function isClauseEnd(c: number): boolean {
  return c === 0x2c || c === 0x3b || c === 0x3a || c === 0x0a || c === 0x09 || isSentenceEnd(c);
}
