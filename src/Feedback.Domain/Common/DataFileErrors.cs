using System.Collections.Frozen;
using System.Globalization;

namespace Feedback.Domain.Common;

/// <summary>
/// A problem in a data file (a calendar upload, the content/setup files), on a 1-based line (0 = the whole
/// file). <see cref="Code"/> is one of <see cref="DataFileErrors"/>; <see cref="Args"/> fill its placeholders.
/// The edge shows it localised; <see cref="ToString"/> gives the English text for logs and exceptions.
/// </summary>
public sealed record LineError(int Line, string Code, params object[] Args)
{
    public override string ToString() =>
        Line > 0 ? $"line {Line}: {DataFileErrors.Format(Code, Args, "en")}" : DataFileErrors.Format(Code, Args, "en");
}

/// <summary>
/// Every error code that data-file checks produce, with its English and Chinese text ({0}, {1}… are the
/// arguments, in order). The edge may use <see cref="Format"/> directly or copy these into its resources;
/// a test checks that every code has both texts. The line number is not part of the text: show it in front,
/// e.g. "第 12 行：…" / "line 12: …".
/// </summary>
public static class DataFileErrors
{
    // —— JSON structure (any data file) ——
    /// <summary>{0} = the JSON reader's (English) description.</summary>
    public const string InvalidJson = "Json.Invalid";
    /// <summary>{0} = property name.</summary>
    public const string MissingProperty = "Json.MissingProperty";
    /// <summary>{0} = property name, {1} = the names allowed here.</summary>
    public const string UnknownProperty = "Json.UnknownProperty";
    /// <summary>{0} = property name.</summary>
    public const string DuplicateProperty = "Json.DuplicateProperty";
    /// <summary>{0} = property name.</summary>
    public const string ExpectedObject = "Json.ExpectedObject";
    /// <summary>{0} = property name.</summary>
    public const string ExpectedList = "Json.ExpectedList";
    /// <summary>{0} = property name.</summary>
    public const string ExpectedText = "Json.ExpectedText";
    /// <summary>{0} = property name.</summary>
    public const string ExpectedInteger = "Json.ExpectedInteger";
    /// <summary>{0} = property name.</summary>
    public const string ExpectedBoolean = "Json.ExpectedBoolean";
    /// <summary>{0} = property name.</summary>
    public const string Empty = "Json.Empty";
    /// <summary>{0} = property name, {1} = maximum length.</summary>
    public const string TooLong = "Json.TooLong";

    // —— calendar files ——
    /// <summary>{0} = year, {1} = first and {2} = last year supported.</summary>
    public const string YearOutOfRange = "Calendar.YearOutOfRange";
    /// <summary>{0} = the time zone as written.</summary>
    public const string UnknownTimeZone = "Calendar.UnknownTimeZone";
    /// <summary>{0} = the weekday as written.</summary>
    public const string UnknownWeekday = "Calendar.UnknownWeekday";
    /// <summary>{0} = the range as written.</summary>
    public const string BadTimeRange = "Calendar.BadTimeRange";
    /// <summary>{0} = the range as written.</summary>
    public const string TimeRangeEndsBeforeStart = "Calendar.TimeRangeEndsBeforeStart";
    /// <summary>{0} = weekday, {1} and {2} = the two ranges.</summary>
    public const string OverlappingPeriods = "Calendar.OverlappingPeriods";
    public const string NoWorkingHours = "Calendar.NoWorkingHours";
    /// <summary>{0} = the date as written.</summary>
    public const string BadDate = "Calendar.BadDate";
    /// <summary>{0} = date, {1} = the file's year.</summary>
    public const string DateOutsideYear = "Calendar.DateOutsideYear";
    /// <summary>{0} = from, {1} = to.</summary>
    public const string HolidayRangeReversed = "Calendar.HolidayRangeReversed";
    /// <summary>{0} = date.</summary>
    public const string HolidayAndWorkingDay = "Calendar.HolidayAndWorkingDay";
    /// <summary>{0} = date.</summary>
    public const string DuplicateDate = "Calendar.DuplicateDate";
    /// <summary>{0} = date, {1} = its weekday.</summary>
    public const string AdjustedDayAlreadyWorking = "Calendar.AdjustedDayAlreadyWorking";
    /// <summary>{0} = year, {1} = its time zone, {2} = another year, {3} = that year's time zone.</summary>
    public const string TimeZoneMismatch = "Calendar.TimeZoneMismatch";

    // —— content/setup ——
    /// <summary>{0} = file name.</summary>
    public const string MissingFile = "Setup.MissingFile";
    /// <summary>{0} = the code as written.</summary>
    public const string BadCode = "Setup.BadCode";
    /// <summary>{0} = code.</summary>
    public const string DuplicateCode = "Setup.DuplicateCode";
    /// <summary>{0} = name.</summary>
    public const string DuplicateName = "Setup.DuplicateName";
    public const string NoIntegrityOffice = "Setup.NoIntegrityOffice";
    /// <summary>{0} = the departments' codes.</summary>
    public const string SeveralIntegrityOffices = "Setup.SeveralIntegrityOffices";
    /// <summary>{0} = code.</summary>
    public const string UnknownDepartment = "Setup.UnknownDepartment";
    /// <summary>{0} = code.</summary>
    public const string UnknownCategory = "Setup.UnknownCategory";
    /// <summary>{0} = code.</summary>
    public const string UnknownArea = "Setup.UnknownArea";
    /// <summary>{0} = value, {1} = allowed values.</summary>
    public const string UnknownValue = "Setup.UnknownValue";
    /// <summary>{0} = amount.</summary>
    public const string BadTargetAmount = "Setup.BadTargetAmount";
    public const string NoFallbackPolicy = "Setup.NoFallbackPolicy";
    /// <summary>{0} = the unreachable policy, {1} = the fallback before it.</summary>
    public const string UnreachablePolicy = "Setup.UnreachablePolicy";
    public const string NoCalendar = "Setup.NoCalendar";
    /// <summary>{0} = file name.</summary>
    public const string BadCalendarFileName = "Setup.BadCalendarFileName";
    /// <summary>{0} = year in the file name, {1} = year in the file.</summary>
    public const string CalendarYearMismatch = "Setup.CalendarYearMismatch";

    private static readonly FrozenDictionary<string, (string En, string Zh)> Texts = new Dictionary<string, (string, string)>
    {
        [InvalidJson] = ("not valid JSON: {0}", "不是有效的 JSON：{0}"),
        [MissingProperty] = ("'{0}' is missing", "缺少“{0}”"),
        [UnknownProperty] = ("unknown property '{0}' (expected one of: {1})", "未知的属性“{0}”（应为：{1}）"),
        [DuplicateProperty] = ("'{0}' is given more than once", "“{0}”重复出现"),
        [ExpectedObject] = ("'{0}' must be an object {{ … }}", "“{0}”应为对象 {{ … }}"),
        [ExpectedList] = ("'{0}' must be a list [ … ]", "“{0}”应为列表 [ … ]"),
        [ExpectedText] = ("'{0}' must be text in quotes", "“{0}”应为带引号的文本"),
        [ExpectedInteger] = ("'{0}' must be a whole number", "“{0}”应为整数"),
        [ExpectedBoolean] = ("'{0}' must be true or false", "“{0}”应为 true 或 false"),
        [Empty] = ("'{0}' must not be empty", "“{0}”不能为空"),
        [TooLong] = ("'{0}' is longer than {1} characters", "“{0}”超过 {1} 个字符"),

        [YearOutOfRange] = ("year {0} is not between {1} and {2}", "年份 {0} 不在 {1} 至 {2} 之间"),
        [UnknownTimeZone] = ("'{0}' is not a known time zone (e.g. Asia/Shanghai)", "“{0}”不是已知的时区（例如 Asia/Shanghai）"),
        [UnknownWeekday] = ("'{0}' is not a weekday (monday … sunday)", "“{0}”不是星期名称（monday … sunday）"),
        [BadTimeRange] = ("'{0}' is not a time range (HH:mm-HH:mm)", "“{0}”不是时间段（HH:mm-HH:mm）"),
        [TimeRangeEndsBeforeStart] = ("time range '{0}' does not end after it starts", "时间段“{0}”的结束时间不晚于开始时间"),
        [OverlappingPeriods] = ("{0}: working periods '{1}' and '{2}' overlap", "{0}：工作时段“{1}”与“{2}”重叠"),
        [NoWorkingHours] = ("no weekday has working hours", "没有任何工作日设置了工作时间"),
        [BadDate] = ("'{0}' is not a date (yyyy-MM-dd)", "“{0}”不是日期（yyyy-MM-dd）"),
        [DateOutsideYear] = ("{0} is not in {1}, the year of this file", "{0} 不在本文件的年份 {1} 内"),
        [HolidayRangeReversed] = ("holiday from {0} to {1} ends before it starts", "假期 {0} 至 {1} 的结束日期早于开始日期"),
        [HolidayAndWorkingDay] = ("{0} is both a holiday and an adjusted working day", "{0} 既是假日又是调休上班日"),
        [DuplicateDate] = ("{0} is listed more than once", "{0} 重复列出"),
        [AdjustedDayAlreadyWorking] = ("{0} ({1}) is already a working day; is the date right?", "{0}（{1}）本来就是工作日，日期是否有误？"),
        [TimeZoneMismatch] = ("the calendar for {0} uses time zone {1} but {2} uses {3}", "{0} 年日历使用时区 {1}，而 {2} 年使用 {3}"),

        [MissingFile] = ("file {0} is missing", "缺少文件 {0}"),
        [BadCode] = ("'{0}' is not a valid code (a-z, 0-9 and -, at most 40 characters)", "“{0}”不是有效的代码（a-z、0-9 和 -，最多 40 个字符）"),
        [DuplicateCode] = ("code '{0}' is used more than once", "代码“{0}”重复使用"),
        [DuplicateName] = ("name '{0}' is used more than once", "名称“{0}”重复使用"),
        [NoIntegrityOffice] = ("no department is marked as the Integrity office (isIntegrityOffice: true)", "没有部门被标记为纪检监察室（isIntegrityOffice: true）"),
        [SeveralIntegrityOffices] = ("more than one department is marked as the Integrity office: {0}", "多个部门被标记为纪检监察室：{0}"),
        [UnknownDepartment] = ("no department has the code '{0}'", "没有代码为“{0}”的部门"),
        [UnknownCategory] = ("no category has the code '{0}'", "没有代码为“{0}”的业务分类"),
        [UnknownArea] = ("no service area has the code '{0}'", "没有代码为“{0}”的服务区域"),
        [UnknownValue] = ("'{0}' is not one of: {1}", "“{0}”不是以下之一：{1}"),
        [BadTargetAmount] = ("a target of {0} is not a positive whole number", "时限 {0} 不是正整数"),
        [NoFallbackPolicy] = ("there is no fallback policy (one without kinds, categories or priorities)", "没有兜底的时限规则（不设类型、分类和优先级）"),
        [UnreachablePolicy] = ("policy '{0}' is never used: the fallback '{1}' comes before it", "时限规则“{0}”永远不会生效：兜底规则“{1}”排在它前面"),
        [NoCalendar] = ("there is no calendar file (calendar-YYYY.json)", "没有工作日历文件（calendar-YYYY.json）"),
        [BadCalendarFileName] = ("calendar file {0} should be named calendar-YYYY.json", "日历文件 {0} 应命名为 calendar-YYYY.json"),
        [CalendarYearMismatch] = ("the file name says {0} but the file is for {1}", "文件名为 {0} 年，但内容为 {1} 年"),
    }.ToFrozenDictionary();

    /// <summary>All codes, for tests and for the edge to check its resources.</summary>
    public static IEnumerable<string> AllCodes => Texts.Keys;

    /// <summary>The text for <paramref name="code"/> in <paramref name="culture"/> ("zh…" gives Chinese, else English).</summary>
    public static string Format(string code, object[] args, string culture)
    {
        if (!Texts.TryGetValue(code, out var texts))
            return args.Length == 0 ? code : $"{code} ({string.Join(", ", args)})";
        var template = culture.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? texts.Zh : texts.En;
        return string.Format(CultureInfo.InvariantCulture, template, args);
    }
}
