namespace Feedback.Domain.Common.Privacy;

/// <summary>
/// Tells a person's name written in Latin letters without a title (Qian Duoduo, Duoduo Qian, ZHANG Wei, John
/// Smith) from other capitalised words (Huanghe Road, State Grid, Hong Kong), for <see cref="PersonalDataInText"/>.
/// A name is either pinyin — every word made of pinyin syllables, one of them a common surname, not only
/// English words that happen to be pinyin ("He Ran") — or a common English given name and a surname. Words
/// followed by a place or organisation word (Road, District, Centre…) are a place, not a person.
/// </summary>
internal static class LatinNames
{
    /// <summary>How many of <paramref name="words"/> from <paramref name="start"/> (two or three) are a name; null if none.</summary>
    public static int? NameAt(IReadOnlyList<string> words, int start)
    {
        foreach (var length in (int[])[3, 2])
        {
            if (start + length > words.Count) continue;
            var window = words.Skip(start).Take(length).ToList();
            if (window.Any(PlaceWords.Contains)) continue;
            if (start + length < words.Count && PlaceWords.Contains(words[start + length])) continue;
            if (IsEnglishName(window) || IsPinyinName(window)) return length;
        }
        return null;
    }

    /// <summary>"Service Centre" after "Customer", "Huanghe Road": words that name a place or an organisation.</summary>
    public static bool IsPlace(string words) => words.Split(' ', '-').Any(PlaceWords.Contains);

    /// <summary>John Smith; three words only when the middle one is a given name too (Mary Jane Smith).</summary>
    private static bool IsEnglishName(List<string> words) =>
        EnglishGivenNames.Contains(words[0])
        && words.Skip(1).All(w => w.Length > 1 && char.IsUpper(w[0]) && w.Skip(1).All(char.IsLower))
        && (words.Count == 2 || EnglishGivenNames.Contains(words[1]));

    private static bool IsPinyinName(List<string> words)
    {
        var lower = words.Select(w => w.ToLowerInvariant()).ToList();
        return lower.All(w => IsSyllables(w, MaxSyllablesPerWord))
            // An all-capitals word is a surname written the passport way (ZHANG Wei), never an acronym (SMS, KPI).
            && words.Where(w => w.All(char.IsUpper)).All(w => Surnames.Contains(w.ToLowerInvariant()))
            && lower.Any(Surnames.Contains)
            && lower.Any(w => !EnglishWords.Contains(w))
            && !NotNames.Contains(string.Join(' ', lower));
    }

    private const int MaxSyllablesPerWord = 3;

    /// <summary>Can <paramref name="word"/> (lower case) be cut into at most <paramref name="max"/> pinyin syllables?</summary>
    private static bool IsSyllables(string word, int max)
    {
        // fewest[i]: the fewest syllables that make up word[..i].
        var fewest = new int[word.Length + 1];
        Array.Fill(fewest, int.MaxValue);
        fewest[0] = 0;
        for (var end = 1; end <= word.Length; end++)
            for (var length = 1; length <= Math.Min(LongestSyllable, end); length++)
                if (fewest[end - length] != int.MaxValue && Syllables.Contains(word.Substring(end - length, length)))
                    fewest[end] = Math.Min(fewest[end], fewest[end - length] + 1);
        return fewest[word.Length] <= max;
    }

    private static readonly string[] Initials = ["", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "zh", "ch", "sh", "r", "z", "c", "s", "y", "w"];
    private static readonly string[] Finals =
    [
        "a", "o", "e", "i", "u", "v", "ai", "ei", "ui", "ao", "ou", "iu", "ie", "ue", "ve", "er", "an", "en", "in", "un", "vn",
        "ang", "eng", "ing", "ong", "ia", "iao", "ian", "iang", "iong", "ua", "uo", "uai", "uan", "uang", "ueng",
    ];

    // Every initial with every final: a little more than real pinyin, which only makes the check looser.
    private static readonly HashSet<string> Syllables = Initials.SelectMany(i => Finals.Select(f => i + f)).ToHashSet(StringComparer.Ordinal);
    private static readonly int LongestSyllable = Syllables.Max(s => s.Length);

    /// <summary>The most common Chinese surnames in pinyin (single and double).</summary>
    private static readonly HashSet<string> Surnames = new(StringComparer.Ordinal)
    {
        "wang", "li", "zhang", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou", "xu", "sun", "ma", "zhu", "hu", "guo", "he",
        "gao", "lin", "luo", "zheng", "liang", "xie", "song", "tang", "han", "feng", "deng", "cao", "peng", "zeng", "xiao", "tian",
        "dong", "yuan", "pan", "yu", "jiang", "cai", "du", "ye", "cheng", "su", "wei", "lv", "lu", "ding", "ren", "shen", "yao",
        "cui", "zhong", "tan", "fan", "jin", "shi", "liao", "jia", "xia", "fu", "fang", "bai", "zou", "meng", "xiong", "qin",
        "qiu", "yin", "xue", "yan", "duan", "lei", "hou", "long", "tao", "gu", "mao", "hao", "gong", "shao", "wan", "qian", "dai",
        "mo", "kong", "xiang", "chang", "wen", "kang", "niu", "ge", "xing", "an", "qi", "yi", "qiao", "pang", "ni", "zhuang", "nie",
        "yue", "zhai", "zhan", "ou", "geng", "guan", "lan", "jiao", "zuo", "gan", "bao", "ning", "shang", "shu", "ruan", "ke",
        "ji", "mei", "tong", "ling", "bi", "shan", "pei", "huo", "tu", "miao", "sheng", "qu", "weng", "ran", "you", "xin", "chai",
        "hua", "pu", "teng", "rao", "jie", "mou", "ai", "mu", "nong", "si", "zhuo", "che", "lian", "mai", "chu", "lou", "dou",
        "cen", "jing", "dang", "fei", "bu", "leng", "xi", "mi", "zong", "gui", "quan", "ying", "zang", "min", "gou", "bian",
        "luan", "sui", "diao", "sha", "rong", "kou", "sang", "lang", "zhen", "cong", "ao", "ming", "she", "chi", "cha", "kuang",
        "ouyang", "situ", "shangguan", "zhuge", "sima", "dongfang", "huangfu", "murong", "xiahou",
    };

    /// <summary>English words that are pinyin syllables too: two of them alone ("He Ran", "Long Men") are not a name.</summary>
    private static readonly HashSet<string> EnglishWords = new(StringComparer.Ordinal)
    {
        "a", "an", "he", "she", "me", "we", "ye", "yo", "hi", "bo", "go", "no", "so", "to", "do", "in", "on", "men", "ten", "pen",
        "hen", "den", "ban", "can", "fan", "man", "pan", "ran", "tan", "van", "wan", "bang", "hang", "sang", "gang", "long",
        "song", "ding", "dong", "sun", "run", "fun", "gun", "bun", "nun", "shun", "sue", "die", "tie", "lie", "pie", "hue", "cue",
        "due", "rue", "bin", "tin", "pin", "sin", "win", "kin", "din", "gin", "zen", "ken", "china", "chin", "shin", "gene",
        "ping", "king", "ring", "sing", "wing", "zing",
    };

    /// <summary>Places that look like a pinyin name.</summary>
    private static readonly HashSet<string> NotNames = new(StringComparer.Ordinal) { "hong kong", "xi an", "ma an shan" };

    /// <summary>Words that make the capitalised words before them a place or an organisation: Sunwu Street, Dong Ying Road.</summary>
    private static readonly HashSet<string> PlaceWords = new(StringComparer.Ordinal)
    {
        "Road", "Rd", "Street", "St", "Avenue", "Ave", "Lane", "Ln", "Drive", "Way", "Boulevard", "District", "County", "City",
        "Town", "Township", "Village", "Subdistrict", "Province", "Centre", "Center", "Office", "Station", "Substation", "Hall",
        "Park", "Bridge", "Company", "Co", "Branch", "Grid", "Power", "Supply", "Line", "River", "Lake", "Mountain", "Hill",
        "School", "University", "College", "Hospital", "Hotel", "Market", "Plaza", "Square", "Building", "Tower", "Estate",
        "Community", "Garden", "Gardens", "Industrial", "Zone", "Area", "Team", "Bank", "Group", "Dynasty",
    };

    // Common English given names that are not also ordinary words (no Will, Mark, May, Grace, Bill…).
    private static readonly HashSet<string> EnglishGivenNames = new(StringComparer.Ordinal)
    {
        "James", "John", "Robert", "Michael", "William", "David", "Richard", "Joseph", "Thomas", "Charles", "Christopher",
        "Daniel", "Matthew", "Anthony", "Donald", "Steven", "Paul", "Andrew", "Joshua", "Kenneth", "Kevin", "Brian", "George",
        "Edward", "Ronald", "Timothy", "Jason", "Jeffrey", "Ryan", "Jacob", "Gary", "Nicholas", "Eric", "Jonathan", "Stephen",
        "Larry", "Justin", "Scott", "Brandon", "Benjamin", "Samuel", "Gregory", "Patrick", "Peter", "Henry", "Tom", "Mike",
        "Chris", "Tony", "Jack", "Mary", "Patricia", "Jennifer", "Linda", "Elizabeth", "Barbara", "Susan", "Jessica", "Sarah",
        "Karen", "Nancy", "Lisa", "Betty", "Margaret", "Sandra", "Ashley", "Kimberly", "Emily", "Donna", "Michelle", "Dorothy",
        "Carol", "Amanda", "Melissa", "Deborah", "Stephanie", "Rebecca", "Sharon", "Laura", "Cynthia", "Kathleen", "Amy",
        "Shirley", "Angela", "Helen", "Anna", "Brenda", "Pamela", "Nicole", "Emma", "Samantha", "Katherine", "Christine",
        "Rachel", "Catherine", "Janet", "Maria", "Heather", "Diane", "Julie", "Joyce", "Olivia", "Judith", "Megan", "Martha",
        "Andrea", "Jane", "Alice", "Lucy", "Kate", "Sophie",
    };
}
