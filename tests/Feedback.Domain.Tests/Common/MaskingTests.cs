using Feedback.Domain.Cases;
using Feedback.Domain.Common.Privacy;

namespace Feedback.Domain.Tests.Common;

/// <summary>The one masking function, on personal data inside the sentences staff write for the public.</summary>
public sealed class MaskingTests
{
    [Theory]
    // Chinese names beside a title or a role word; surname kept.
    [InlineData("经核实，张三先生反映的问题属实。", "经核实，张*先生反映的问题属实。")]
    [InlineData("客户王建国反映电费偏高。", "客户王**反映电费偏高。")]
    [InlineData("投诉人：李小红，已电话回访。", "投诉人：李**，已电话回访。")]
    [InlineData("客户反映停电频繁。", "客户反映停电频繁。")]
    // Latin names after a title or role word.
    [InlineData("We called Mr John Smith back.", "We called Mr J*** S**** back.")]
    [InlineData("The complainant Mary Jones agreed.", "The complainant M*** J**** agreed.")]
    // Mobiles in the usual spellings.
    [InlineData("联系电话13812345678。", "联系电话138****5678。")]
    [InlineData("call 138 1234 5678 or +86 139-8765-4321", "call 138****5678 or 139****4321")]
    // Landlines with area code.
    [InlineData("请拨打0543-3123456联系。", "请拨打0543-*****56联系。")]
    [InlineData("Tel. (0543) 312 3456.", "Tel. (0543)*****56.")]
    [InlineData("总机 010-88886666", "总机 010-******66")]
    // Emails.
    [InlineData("请发送至 zhang.san@example.com 查收", "请发送至 z***@example.com 查收")]
    // Addresses: the house number goes, the road stays.
    [InlineData("用户住在滨州市滨城区黄河五路123号3单元501室，已上门。", "用户住在滨州市滨城区黄河五路****，已上门。")]
    [InlineData("We visited 12 Huanghe Road, Apt 3 today.", "We visited *** Huanghe Road today.")]
    // Customer numbers, with and without a label.
    [InlineData("户号：3701234567，电费已退还。", "户号：******4567，电费已退还。")]
    [InlineData("customer number 3701234567 refunded", "customer number ******4567 refunded")]
    [InlineData("账户 370123456789 已核对", "账户 ********6789 已核对")]
    // Mobiles with dots between the groups.
    [InlineData("请回电133.4444.5555。", "请回电133****5555。")]
    [InlineData("tel 133.4444.5555, thanks", "tel 133****5555, thanks")]
    // Chinese names written with spaces between their characters, alone or beside a role word or title.
    [InlineData("钱 多 多 13344445555", "钱** 133****5555")]
    [InlineData("客户钱 多 多反映电费异常。", "客户钱**反映电费异常。")]
    [InlineData("联系人：钱 多 多，已回访。", "联系人：钱**，已回访。")]
    [InlineData("钱 多 多先生来电", "钱**先生来电")]
    [InlineData("举报人 钱　多　多 称", "举报人 钱** 称")]
    // Emails with a full-width at sign or dot, and emails spelled out.
    [InlineData("邮箱 qdd＠example.com", "邮箱 q***＠example.com")]
    [InlineData("邮箱：qdd＠example．com。", "邮箱：q***＠example．com。")]
    [InlineData("write to qdd at example dot com please", "write to q*** at example dot com please")]
    [InlineData("QDD AT EXAMPLE DOT COM", "Q*** AT EXAMPLE DOT COM")]
    [InlineData("qdd [at] example [dot] com", "q*** [at] example [dot] com")]
    [InlineData("qdd(at)example.com", "q***(at)example.com")]
    [InlineData("邮箱qdd at mail dot example dot cn", "邮箱q*** at mail dot example dot cn")]
    // Latin names without a title: pinyin with a common surname, either order, or a common English given name.
    [InlineData("Qian Duoduo called twice.", "Q*** D***** called twice.")]
    [InlineData("The caller was Duoduo Qian.", "The caller was D***** Q***.")]
    [InlineData("客户Qian Duoduo反映电费异常", "客户Q*** D*****反映电费异常")]
    [InlineData("Yesterday Zhang Wei called, ZHANG Wei again today.", "Yesterday Z**** W** called, Z**** W** again today.")]
    [InlineData("John Smith asked for a refund.", "J*** S**** asked for a refund.")]
    [InlineData("Li Na and Ouyang Xiaoming agreed.", "L* N* and O***** X******* agreed.")]
    // Nothing personal: untouched (a service number, a date, an amount).
    [InlineData("请拨打95598，2026年11月退还326.40元。", "请拨打95598，2026年11月退还326.40元。")]
    // Dates, times, amounts, tracking numbers, readings and ratings are not personal data.
    [InlineData("2026-11-25 14:20 到场，14:20:05 恢复送电。", "2026-11-25 14:20 到场，14:20:05 恢复送电。")]
    [InlineData("2026.11.25 抄表，2026/11/25 复核，2026年11月25日 退费。", "2026.11.25 抄表，2026/11/25 复核，2026年11月25日 退费。")]
    [InlineData("退还326.40元，合计¥1,234.56，另13,800.00元，共1385.5元。", "退还326.40元，合计¥1,234.56，另13,800.00元，共1385.5元。")]
    [InlineData("工单 260302-K7M3QX 已处理，关联 261125-ABCDEF。", "工单 260302-K7M3QX 已处理，关联 261125-ABCDEF。")]
    [InlineData("营业时间 8:30-17:30，13:00-14:00 午休，热线95598。", "营业时间 8:30-17:30，13:00-14:00 午休，热线95598。")]
    [InlineData("10kV 线路、0.4kV 台区，电压 220.5V，合格率 99.95%，表码 13345.67。", "10kV 线路、0.4kV 台区，电压 220.5V，合格率 99.95%，表码 13345.67。")]
    [InlineData("版本 1.3.5，编号 133.44.55，时段 2026.01.05-2026.01.09。", "版本 1.3.5，编号 133.44.55，时段 2026.01.05-2026.01.09。")]
    // Spaced characters that are not a name, and a surname alone with a title.
    [InlineData("电 费 高 了", "电 费 高 了")]
    [InlineData("王 先生已到场。", "王 先生已到场。")]
    // Capitalised words that are places, organisations or ordinary English, and an address given with "at".
    [InlineData("We visited Huanghe Road and Sunwu Street in Bincheng District.", "We visited Huanghe Road and Sunwu Street in Bincheng District.")]
    [InlineData("State Grid Binzhou Power Supply Company replied from Hong Kong.", "State Grid Binzhou Power Supply Company replied from Hong Kong.")]
    [InlineData("The Meter Reading Team checked it; He Ran the test at 14:20.", "The Meter Reading Team checked it; He Ran the test at 14:20.")]
    [InlineData("Dong Ying Road, Huimin County, SMS and KPI figures.", "Dong Ying Road, Huimin County, SMS and KPI figures.")]
    [InlineData("See us at www.example.com or at the hall.", "See us at www.example.com or at the hall.")]
    [InlineData("Passed to the Customer Service Centre; a locked account cannot sign in; give the account number.", "Passed to the Customer Service Centre; a locked account cannot sign in; give the account number.")]
    public void PersonalDataInsideSentences_IsMasked(string text, string expected) =>
        Assert.Equal(expected, PersonalDataInText.Mask(text).Text);

    [Theory]
    [InlineData("联系电话13812345678，邮箱 zhang@example.com。", @"联系电话138\*\*\*\*5678，邮箱 z\*\*\*@example.com。")]
    [InlineData("**客户张三先生**反映：", @"**客户张\*先生**反映：")]
    [InlineData("住黄河五路123号3单元501室", @"住黄河五路\*\*\*\*")]
    public void ForMarkdown_TheMasksAsterisksAreEscaped_AndTheListShowsThemPlain(string markdown, string expected)
    {
        var masked = PersonalDataInText.MaskMarkdown(markdown);
        Assert.Equal(expected, masked.Text);
        Assert.All(masked.Masked, m => Assert.DoesNotContain('\\', m.Masked));
        Assert.Equal(PersonalDataInText.Mask(markdown).Masked, masked.Masked);
        Assert.Equal(masked.Text, PersonalDataInText.MaskMarkdown(masked.Text).Text);
    }

    [Fact]
    public void TheCasesOwnName_IsFound_HoweverItIsSpaced()
    {
        Assert.Equal("钱**来电，钱**再次来电", PersonalDataInText.Mask("钱 多 多来电，钱多多再次来电", new ContactDetails("钱多多", null, null, null, null)).Text);
        Assert.Equal("Q*** D***** called; Q*** D***** again", PersonalDataInText.Mask("QIAN DUODUO called; Qian  Duoduo again", new ContactDetails("Qian Duoduo", null, null, null, null)).Text);
        // A Latin name is found as whole words only.
        Assert.Equal("Annabel", PersonalDataInText.Mask("Annabel", new ContactDetails("Anna", null, null, null, null)).Text);
    }

    [Fact]
    public void TheCasesOwnPhone_IsFound_WrittenWithDots() =>
        Assert.Equal("回电133****5555", PersonalDataInText.Mask("回电133.4444.5555", new ContactDetails(null, "13344445555", null, null, null)).Text);

    [Fact]
    public void TheCasesOwnContactDetails_AreFound_WhereverTheyAppear()
    {
        var contact = new ContactDetails("欧阳娜娜", "138-1234-5678", "nana@example.org", "惠民县孙武街道幸福小区", "3709876543");
        var masked = PersonalDataInText.Mask("欧阳娜娜（电话 138 1234 5678，nana@example.org）住惠民县孙武街道幸福小区，户号3709876543。", contact);
        Assert.Equal("欧***（电话 138****5678，n***@example.org）住惠民县孙武街****，户号******6543。", masked.Text);
        Assert.Equal(
            [PersonalDataKind.Email, PersonalDataKind.Address, PersonalDataKind.CustomerNumber, PersonalDataKind.Phone, PersonalDataKind.Name],
            masked.Masked.Select(m => m.Kind));
        Assert.Contains(masked.Masked, m => m is { Kind: PersonalDataKind.Name, Original: "欧阳娜娜", Masked: "欧***" });
    }

    [Fact]
    public void ALatinContactName_IsMaskedWordByWord()
    {
        var masked = PersonalDataInText.Mask("Reply sent to John Smith today.", new ContactDetails("John Smith", null, null, null, null));
        Assert.Equal("Reply sent to J*** S**** today.", masked.Text);
    }

    [Fact]
    public void MaskingTwice_ChangesNothingMore()
    {
        var once = PersonalDataInText.Mask("客户张三 13812345678 zhang@example.com 户号3701234567").Text;
        var twice = PersonalDataInText.Mask(once);
        Assert.Equal(once, twice.Text);
        Assert.Empty(twice.Masked);
    }
}
