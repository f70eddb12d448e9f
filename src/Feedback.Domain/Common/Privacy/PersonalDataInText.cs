using System.Text.RegularExpressions;
using Feedback.Domain.Cases;

namespace Feedback.Domain.Common.Privacy;

/// <summary>What kind of personal data a masked piece of text was.</summary>
public enum PersonalDataKind { Name, Phone, Email, Address, CustomerNumber }

/// <summary>One piece of personal data found in a text, and what it became.</summary>
public sealed record MaskedValue(PersonalDataKind Kind, string Original, string Masked);

/// <summary>A text with its personal data masked, and the list of what was masked (for the person who wrote it).</summary>
public sealed record MaskedText(string Text, IReadOnlyList<MaskedValue> Masked);

/// <summary>
/// Masks personal data inside free text (an outcome notice, a measure written by staff) with the same
/// <see cref="PersonalDataMasker"/> rules as the fields. First the case's own contact details wherever they
/// appear (whatever the spelling of the phone number, spaces inside the name), then what looks like personal
/// data by its shape: mobiles (spaces, dashes or dots between the groups) and landlines with area code, emails
/// (also with a full-width ＠ and spelled out: "qdd at example dot com", "qdd[at]example.com"), customer numbers
/// after their label, house numbers after a road, names next to a title or a role word ("张三先生", "客户李四",
/// "Mr John Smith"), Chinese names written with spaces between their characters ("钱 多 多"), and Latin names
/// without a title when they look like one: a pinyin name with a common surname ("Qian Duoduo", "Duoduo Qian")
/// or a common English given name before a surname ("John Smith"). Dates, times, amounts, tracking numbers and
/// place names ("Huanghe Road") are left alone (the table in MaskingTests says which).
/// <para>For Markdown (<see cref="MaskMarkdown"/>) the asterisks of each mask are escaped, so that the text
/// renders as typed: 138****5678, never emphasis.</para>
/// </summary>
public static partial class PersonalDataInText
{
    // The most common surnames (covering the great majority of people); a role word followed by two or
    // three characters is taken for a name only when it starts with one of them, so "客户反映" stays.
    private const string Surnames =
        "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝";

    // Emails, with an ASCII or full-width at sign and dot (qdd＠example．com).
    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+[@＠][A-Za-z0-9\-]+(?:[.．][A-Za-z0-9\-]+)*[.．][A-Za-z]{2,}")]
    private static partial Regex EmailPattern();

    // Emails spelled out to dodge filters: "qdd (at) example.com", "qdd[at]example[dot]com", "qdd at example dot com".
    // A bare " at " counts only with a spelled-out dot after it, so that "us at www.example.com" stays.
    [GeneratedRegex(@"(?<![A-Za-z0-9._%+\-])(?<local>[A-Za-z0-9._%+\-]+)(?:\s*[\[(（{<]\s*at\s*[\])）}>]\s*(?:[A-Za-z0-9\-]+" + AnyDot + @")+[A-Za-z]{2,}|\s+at\s+(?:[A-Za-z0-9\-]+" + AnyDot + @")*[A-Za-z0-9\-]+" + SpelledDot + @"[A-Za-z]{2,})\b", RegexOptions.IgnoreCase)]
    private static partial Regex SpelledOutEmailPattern();

    private const string SpelledDot = @"(?:\s*[\[(（{<]\s*dot\s*[\])）}>]\s*|\s+dot\s+)";
    private const string AnyDot = @"(?:" + SpelledDot + @"|[.．])";

    // Mobiles: 1[3-9]x xxxx xxxx, optionally +86, spaces, dashes or dots between groups (133.4444.5555).
    [GeneratedRegex(@"(?<![\d.])(?:\+?86[\s\-.]?)?1[3-9]\d[\s\-.]?\d{4}[\s\-.]?\d{4}(?![\d]|\.\d)")]
    private static partial Regex MobilePattern();

    // Landlines with an area code: 0543-3123456, (0543) 312 3456, 010-88886666.
    [GeneratedRegex(@"(?<![\d])(?:\(0\d{2,3}\)|0\d{2,3})[\s\-]?\d{3,4}[\s\-]?\d{4}(?!\d)")]
    private static partial Regex LandlinePattern();

    // A customer / account number after its label (户号：3701234567, customer number 3701234567); a number has a
    // digit in it, so that "account number" or "account cannot" stays.
    [GeneratedRegex(@"(?<label>户号|客户编号|客户号|用户编号|用户号|电费户号|账号|帐号|(?:customer|account)\s+(?:number|no\.?|#)|account)\s*(?:为|是|[:：#])?\s*(?<value>(?=[A-Za-z\-]*\d)[A-Za-z0-9\-]{6,24})", RegexOptions.IgnoreCase)]
    private static partial Regex CustomerNumberPattern();

    // Long runs of digits left over (ID card and account numbers written without a label).
    [GeneratedRegex(@"(?<![\d*])\d{10,20}[Xx]?(?![\d*])")]
    private static partial Regex LongNumberPattern();

    // Chinese house numbers after a road, street, lane, village or estate: 黄河五路123号3单元501室.
    [GeneratedRegex(@"(?<road>[\u4e00-\u9fff]{1,12}?(?:大道|路|街|巷|胡同|村|小区|社区|花园|公寓|大厦|里))(?<house>(?:[\d一二三四五六七八九十百零甲乙丙丁A-Za-z\-]+(?:号院|号楼|号|栋|幢|座|单元|楼|层|室|户|组))+)")]
    private static partial Regex ChineseAddressPattern();

    // Latin street addresses: "12 Huanghe Road", "88 Bohai 5th Street, Apt 3".
    [GeneratedRegex(@"\b\d{1,5}[A-Za-z]?(?<street>(?:\s+[A-Z][A-Za-z0-9]*)+\s+(?:Road|Rd|Street|St|Avenue|Ave|Lane|Ln|Drive|Dr|Boulevard|Blvd|Way|Court|Ct|Place|Pl)\.?)(?:,?\s*(?:Apt|Apartment|Unit|Room|Flat)\.?\s*\d+[A-Za-z]?)?")]
    private static partial Regex LatinAddressPattern();

    private const string Titles = "先生|女士|小姐|师傅|同志|老师|阿姨|大爷|大妈|大姐|大哥";
    // A space inside a Chinese name (half- or full-width) is a way of writing it, not a word break: 钱 多 多.
    private const string Gap = @"[ \t\u3000]";

    // 张三先生, 李女士 (a surname alone with a title is not masked further), 王建国同志, 钱 多 多 先生.
    [GeneratedRegex(@"(?<name>[" + Surnames + @"](?:" + Gap + @"?[\u4e00-\u9fff]){1,2})(?=" + Gap + @"?(?:" + Titles + @"))")]
    private static partial Regex ChineseNameBeforeTitlePattern();

    // 客户张三, 投诉人：李小红, 户主王建国, 客户 钱 多 多.
    [GeneratedRegex(@"(?<=(?:客户|用户|投诉人|举报人|反映人|联系人|户主|居民|市民|业主|来电人|姓名|监督员)\s*[:：]?\s*)(?<name>[" + Surnames + @"](?:" + Gap + @"?[\u4e00-\u9fff]){1,2})(?=[\s，,。.；;：:、（(）)！!？?]|$|反映|投诉|来电|表示|称|说|家|的|在|于|已|对|向|致电|先生|女士)")]
    private static partial Regex ChineseNameAfterRolePattern();

    // 钱 多 多 on its own: single characters, a surname first, spaced apart, with no spaced-out words around them
    // (Chinese puts no spaces between the characters of a word, so this is a name written to dodge a filter).
    [GeneratedRegex(@"(?<![\u4e00-\u9fff]" + Gap + @"*)(?<=^|[^\u4e00-\u9fff]|[\u4e00-\u9fff]{2}" + Gap + @"+)(?<name>[" + Surnames + @"](?:" + Gap + @"+[\u4e00-\u9fff]){1,2})(?!" + Gap + @"*[\u4e00-\u9fff])")]
    private static partial Regex SpacedChineseNamePattern();

    // Mr Smith, Mrs. Jane Doe, customer John Smith.
    [GeneratedRegex(@"(?<=\b(?:Mr|Mrs|Ms|Miss|Dr|Mx)\.?\s+|\b(?:customer|complainant|resident|caller|reporter|Customer|Complainant|Resident|Caller)\s+)(?<name>[A-Z][a-z]+(?:[\s\-][A-Z][a-z]+){0,2})")]
    private static partial Regex LatinNamePattern();

    // A run of capitalised words, separated by single spaces: where a Latin name without a title may be.
    [GeneratedRegex(@"(?<![A-Za-z0-9*])(?:[A-Z][a-z]+|[A-Z]{2,})(?:[ ](?:[A-Z][a-z]+|[A-Z]{2,}))+(?![A-Za-z0-9*])")]
    private static partial Regex CapitalisedWordsPattern();

    /// <summary>Masks the personal data in <paramref name="text"/>; <paramref name="known"/> (the case's contact) is always found.</summary>
    public static MaskedText Mask(string? text, ContactDetails? known = null) => Mask(text, known, forMarkdown: false);

    /// <summary>
    /// As <see cref="Mask(string?, ContactDetails?)"/> for text that will be rendered as Markdown: each mask's
    /// asterisks are escaped (138\*\*\*\*5678), so the rendered text shows the mask as typed and never turns it
    /// into emphasis. <see cref="MaskedText.Masked"/> lists the masks unescaped.
    /// </summary>
    public static MaskedText MaskMarkdown(string? text, ContactDetails? known = null) => Mask(text, known, forMarkdown: true);

    private static MaskedText Mask(string? text, ContactDetails? known, bool forMarkdown)
    {
        if (string.IsNullOrEmpty(text))
            return new MaskedText(text ?? "", []);
        var found = new Findings(forMarkdown);
        var result = text;

        if (known is not null)
        {
            result = ReplaceLiteral(result, known.Email, PersonalDataKind.Email, PersonalDataMasker.MaskEmail, found);
            result = ReplaceLiteral(result, known.Address, PersonalDataKind.Address, PersonalDataMasker.MaskAddress, found);
            result = ReplaceLiteral(result, known.CustomerNumber, PersonalDataKind.CustomerNumber, PersonalDataMasker.MaskAccountNumber, found);
            if (DigitsOf(known.Phone) is { Length: >= 7 } phoneDigits)
                result = ReplaceDigits(result, phoneDigits, found);
            result = ReplaceName(result, known.Name, found);
        }

        result = Replace(result, EmailPattern(), PersonalDataKind.Email, PersonalDataMasker.MaskEmail, found);
        result = Replace(result, SpelledOutEmailPattern(), PersonalDataKind.Email, MaskSpelledOutEmail, found);
        result = Replace(result, CustomerNumberPattern(), PersonalDataKind.CustomerNumber, PersonalDataMasker.MaskAccountNumber, found, "value");
        result = Replace(result, MobilePattern(), PersonalDataKind.Phone, mobile => PersonalDataMasker.MaskPhone(DigitsOf(mobile)), found);
        result = Replace(result, LandlinePattern(), PersonalDataKind.Phone, MaskLandline, found);
        result = Replace(result, LongNumberPattern(), PersonalDataKind.CustomerNumber, PersonalDataMasker.MaskAccountNumber, found);
        result = Replace(result, ChineseAddressPattern(), PersonalDataKind.Address, _ => "****", found, "house");
        result = Replace(result, LatinAddressPattern(), PersonalDataKind.Address, MaskLatinAddress, found);
        result = Replace(result, ChineseNameBeforeTitlePattern(), PersonalDataKind.Name, MaskChineseName, found, "name");
        result = Replace(result, ChineseNameAfterRolePattern(), PersonalDataKind.Name, MaskChineseName, found, "name");
        result = Replace(result, SpacedChineseNamePattern(), PersonalDataKind.Name, MaskChineseName, found, "name");
        result = Replace(result, LatinNamePattern(), PersonalDataKind.Name, name => LatinNames.IsPlace(name) ? null : PersonalDataMasker.MaskName(name), found, "name");
        result = ReplaceLatinNames(result, found);
        return new MaskedText(result, found.Values.DistinctBy(v => (v.Kind, v.Original)).ToList());
    }

    /// <summary>What was masked so far, and how a mask is written into the text (escaped for Markdown or not).</summary>
    private sealed class Findings(bool forMarkdown)
    {
        public List<MaskedValue> Values { get; } = [];

        /// <summary>Records the mask and returns it as it goes into the text.</summary>
        public string Add(PersonalDataKind kind, string original, string masked)
        {
            Values.Add(new MaskedValue(kind, original, masked));
            return forMarkdown ? masked.Replace("*", @"\*", StringComparison.Ordinal) : masked;
        }
    }

    /// <summary>Area code kept, the number masked but for its last two digits: 0543-3123456 → 0543-*****56.</summary>
    public static string MaskLandline(string phone)
    {
        var trimmed = phone.Trim();
        var split = trimmed.IndexOfAny(['-', ' ', ')']);
        var digits = DigitsOf(trimmed) ?? "";
        if (split < 0)
        {
            var areaLength = digits.StartsWith("01") || digits.StartsWith("02") ? 3 : 4;
            return digits[..areaLength] + "-" + new string('*', digits.Length - areaLength - 2) + digits[^2..];
        }
        var area = trimmed[..(split + 1)];
        var rest = DigitsOf(trimmed[(split + 1)..]) ?? "";
        return rest.Length < 3 ? area + "****" : area + new string('*', rest.Length - 2) + rest[^2..];
    }

    private static string MaskLatinAddress(string address)
    {
        var match = LatinAddressPattern().Match(address);
        return "***" + match.Groups["street"].Value;
    }

    /// <summary>A Chinese name, spaced or not, masked as the field would be: 钱 多 多 → 钱**.</summary>
    private static string? MaskChineseName(string name) => PersonalDataMasker.MaskName(Regex.Replace(name, Gap, ""));

    /// <summary>"qdd at example dot com" → "q*** at example dot com": the first character and the domain part kept, as for any email.</summary>
    private static string MaskSpelledOutEmail(string email)
    {
        var local = SpelledOutEmailPattern().Match(email).Groups["local"].Value;
        return email[0] + "***" + email[local.Length..];
    }

    /// <summary>Runs of capitalised words with a name in them (see <see cref="LatinNames"/>): "Yesterday Qian Duoduo" → "Yesterday Q*** D*****".</summary>
    private static string ReplaceLatinNames(string text, Findings found) =>
        CapitalisedWordsPattern().Replace(text, run =>
        {
            var words = run.Value.Split(' ');
            var changed = false;
            for (var i = 0; i < words.Length - 1; i++)
            {
                if (LatinNames.NameAt(words, i) is not { } length)
                    continue;
                var name = string.Join(' ', words[i..(i + length)]);
                found.Add(PersonalDataKind.Name, name, PersonalDataMasker.MaskName(name) ?? "").Split(' ').CopyTo(words, i);
                i += length - 1;
                changed = true;
            }
            return changed ? string.Join(' ', words) : run.Value;
        });

    /// <param name="mask">Null: not personal data after all, left as it is.</param>
    private static string Replace(string text, Regex pattern, PersonalDataKind kind, Func<string, string?> mask, Findings found, string? group = null) =>
        pattern.Replace(text, match =>
        {
            var part = group is null ? match : (Capture)match.Groups[group];
            if (part.Value.Contains('*') || mask(part.Value) is not { } masked)
                return match.Value;
            return match.Value[..(part.Index - match.Index)] + found.Add(kind, part.Value, masked) + match.Value[(part.Index - match.Index + part.Length)..];
        });

    private static string ReplaceLiteral(string text, string? value, PersonalDataKind kind, Func<string?, string?> mask, Findings found)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Trim().Length < 2)
            return text;
        var trimmed = value.Trim();
        if (!text.Contains(trimmed, StringComparison.OrdinalIgnoreCase))
            return text;
        var masked = found.Add(kind, trimmed, mask(trimmed) ?? "");
        return Regex.Replace(text, Regex.Escape(trimmed), masked.Replace("$", "$$"), RegexOptions.IgnoreCase);
    }

    /// <summary>
    /// The known name however it is spaced: 钱多多, 钱 多 多; John Smith, QIAN  DUODUO (whole words only, so that
    /// a Latin name is not found inside a longer word).
    /// </summary>
    private static string ReplaceName(string text, string? name, Findings found)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length < 2)
            return text;
        var words = name.Split((char[])[' ', '\t', '\u3000'], StringSplitOptions.RemoveEmptyEntries);
        var compact = string.Concat(words);
        var isChinese = compact.Any(c => c > '\u2E7F');
        var pattern = isChinese
            ? string.Join(@"\s*", compact.EnumerateRunes().Select(r => Regex.Escape(r.ToString())))
            : @"(?<![\p{L}\p{N}])" + string.Join(@"\s+", words.Select(Regex.Escape)) + @"(?![\p{L}\p{N}])";
        var masked = PersonalDataMasker.MaskName(isChinese ? compact : string.Join(' ', words)) ?? "";
        return Regex.Replace(text, pattern, match => found.Add(PersonalDataKind.Name, match.Value, masked), RegexOptions.IgnoreCase);
    }

    /// <summary>The known phone number however it was written: 138 1234 5678, 138-1234-5678, 138.1234.5678, +86 13812345678.</summary>
    private static string ReplaceDigits(string text, string digits, Findings found)
    {
        var pattern = @"(?<!\d)" + string.Join(@"[\s\-.]?", digits.Select(d => d.ToString())) + @"(?!\d)";
        return Regex.Replace(text, pattern, match =>
            found.Add(PersonalDataKind.Phone, match.Value, digits.StartsWith('0') ? MaskLandline(match.Value) : PersonalDataMasker.MaskPhone(match.Value) ?? ""));
    }

    private static string? DigitsOf(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var digits = new string(value.Where(char.IsAsciiDigit).ToArray());
        if (digits.StartsWith("86") && digits.Length == 13) digits = digits[2..];
        return digits;
    }
}
