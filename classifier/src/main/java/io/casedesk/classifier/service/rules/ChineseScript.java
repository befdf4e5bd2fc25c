package io.casedesk.classifier.service.rules;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Traditional and Simplified Chinese characters: which characters give a script away, and a folding of
 * Traditional onto Simplified so one lexicon entry matches text written in either script.
 * <p>
 * The table covers the characters of the lexicon and the most frequent characters whose forms differ;
 * a test checks it against ICU's Traditional-to-Simplified transform.
 */
final class ChineseScript {

    /** Pairs of a Traditional character and its Simplified form, as used in Taiwan and mainland China. */
    private static final String PAIRS = """
            這这 個个 們们 說说 時时 會会 來来 對对 過过 還还 進进 請请 問问 點点 開开 關关 麼么 為为 與与 書书
            東东 車车 長长 門门 間间 發发 話话 現现 電电 網网 號号 聯联 費费 價价 單单 據据 級级 辦办 務务 預预
            約约 訴诉 訟讼 師师 離离 帳账 賬账 買买 賣卖 錢钱 銀银 幾几 樣样 謝谢 歡欢 嗎吗 應应 該该 讓让 給给
            從从 後后 裡里 裏里 見见 覺觉 經经 歷历 曆历 處处 無无 實实 際际 標标 準准 資资 訊讯 顯显 題题 係系
            業业 認认 識识 記记 錄录 轉转 結结 動动 專专 屬属 證证 權权 債债 繼继 續续 決决 議议 備备 嚴严 萬万
            習习 慣惯 場场 寫写 運运 營营 診诊 斷断 醫医 療疗 險险 賠赔 償偿 監监 護护 養养 撫抚 贍赡 協协 調调
            僅仅 額额 絡络 強强 傳传 爭争 執执 條条 紙纸 雙双 親亲 產产 遺遗 囑嘱 華华 區区 沒没 讀读 寶宝 貨货
            邊边 達达 遲迟 選选 歲岁 員员 愛爱 術术 報报 導导 樂乐 誰谁 熱热 聽听 戲戏 紅红 綠绿 藍蓝 腦脑 擔担
            憂忧 慮虑 緊紧 張张 氣气 態态 劃划 側侧 則则 財财 貸贷 損损 壞坏 舊旧 雖虽 雞鸡 鳥鸟 魚鱼 飯饭 館馆
            興兴 頭头 類类 顧顾 須须 順顺 領领 願愿 風风 飛飞 馬马 驗验 體体 麗丽 黨党 齊齐 龍龙 龜龟 傷伤 獲获
            縣县 鄉乡 鎮镇 隊队 陽阳 陰阴 難难 靜静 響响 頁页 項项 變变 觀观 計计 討讨 設设 許许 論论 評评 詢询
            試试 詳详 誤误 諮咨 謂谓 軍军 載载 輕轻 較较 輸输 農农 連连 遠远 適适 郵邮 鄰邻 錯错 鍵键 閱阅 隨随
            雜杂 雲云 飲饮 驚惊 鬧闹 億亿 倫伦 優优 兒儿 內内 兩两 冊册 劉刘 勞劳 圖图 園园 圍围 堅坚 壓压 夢梦
            夠够 奪夺 婦妇 媽妈 學学 寧宁 審审 屆届 層层 島岛 幣币 帶带 幫帮 廣广 廳厅 彈弹 徑径 復复 複复 憑凭
            戰战 戶户 擇择 擁拥 擴扩 數数 於于 極极 樓楼 機机 歸归 殺杀 況况 減减 滿满 漢汉 滅灭 燈灯 爺爷 牆墙
            獨独 環环 畫画 當当 盡尽 儘尽 盤盘 碼码 確确 礎础 禮礼 稅税 種种 稱称 積积 穩稳 窮穷 競竞 筆笔 節节
            範范 築筑 簡简 糧粮 紀纪 納纳 線线 組组 細细 終终 絕绝 統统 絲丝 綜综 維维 緒绪 緣缘 編编 緩缓 練练
            縮缩 總总 績绩 織织 繳缴 罰罚 聖圣 聞闻 聲声 職职 舉举 艱艰 藝艺 蘇苏 補补 製制 規规 視视 覽览 訂订
            誕诞 語语 課课 談谈 諾诺 講讲 謹谨 讚赞 贊赞 負负 貢贡 責责 貴贵 貼贴 賓宾 質质 購购 賽赛 趕赶 軌轨
            辭辞 鄭郑 針针 鐘钟 鐵铁 銷销 鋼钢 鎖锁 閒闲 陳陈 陸陆 陣阵 隻只 韓韩 頂顶 頻频 鳳凤 麥麦 黃黄 齒齿
            別别 狀状 麵面 鬆松 髮发 週周 繫系 徵征 幹干 衝冲 匯汇 託托 謄誊 掃扫 簽签 蓋盖 辯辩 刪删 換换 綁绑
            國国 譜谱 誇夸 囉啰 爛烂 騙骗 詐诈 憤愤 著着 潰溃 羈羁 脅胁 嚇吓 檢检 勝胜 贏赢 臺台 啟启 塊块
            壽寿 藥药 衛卫 紹绍 揮挥 攝摄 濟济 灣湾 煩烦 獄狱 疊叠 盜盗 禍祸 罷罢 膽胆 虧亏 襲袭 訪访 譯译 豬猪
            賴赖 趨趋 跡迹 蹤踪 軟软 輪轮 釋释 鑰钥 隱隐 顆颗 騷骚 鹽盐 閉闭 廠厂 獎奖 鬥斗 擊击 鬱郁 檔档 階阶 惱恼
            遞递 註注 嘍喽 豈岂 惡恶 勁劲 懼惧 緝缉 驅驱 凍冻 臉脸 違违 團团 撐撑 測测 賺赚 懲惩 棄弃
            """;

    /** Simplified forms that are variants of the ones above; folded too, so both match the same lexicon entry. */
    private static final String SIMPLIFIED_VARIANTS = "帐账 谘咨";

    /** Characters of Traditional text that also occur in ordinary Simplified text, so they say nothing. */
    private static final String SHARED_TRADITIONAL = "著";

    /**
     * Simplified forms that are also Traditional characters (台北, 公里, 面談, 委託 or 委托, 只有, 咨文), so they
     * say nothing about the script.
     */
    private static final String SHARED_SIMPLIFIED = "里后只干面松系制于范周征准托云划夸冲台斗郁咨注";

    private static final Map<Character, Character> TO_SIMPLIFIED = new HashMap<>();
    private static final Set<Character> TRADITIONAL_ONLY = new HashSet<>();
    private static final Set<Character> SIMPLIFIED_ONLY = new HashSet<>();

    static {
        for (String pair : (PAIRS + " " + SIMPLIFIED_VARIANTS).trim().split("\\s+")) {
            if (pair.length() != 2) {
                throw new IllegalStateException("Malformed character pair '" + pair + "'");
            }
            TO_SIMPLIFIED.put(pair.charAt(0), pair.charAt(1));
        }
        for (String pair : PAIRS.trim().split("\\s+")) {
            TRADITIONAL_ONLY.add(pair.charAt(0));
            SIMPLIFIED_ONLY.add(pair.charAt(1));
        }
        SHARED_TRADITIONAL.chars().forEach(c -> TRADITIONAL_ONLY.remove((char) c));
        SHARED_SIMPLIFIED.chars().forEach(c -> SIMPLIFIED_ONLY.remove((char) c));
    }

    /** {@code text} with every Traditional character of the table replaced by its Simplified form. */
    static String foldToSimplified(String text) {
        StringBuilder folded = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            folded.append(TO_SIMPLIFIED.getOrDefault(c, c));
        }
        return folded.toString();
    }

    static boolean isTraditionalOnly(int codePoint) {
        return Character.isBmpCodePoint(codePoint) && TRADITIONAL_ONLY.contains((char) codePoint);
    }

    static boolean isSimplifiedOnly(int codePoint) {
        return Character.isBmpCodePoint(codePoint) && SIMPLIFIED_ONLY.contains((char) codePoint);
    }

    private ChineseScript() {
    }
}
