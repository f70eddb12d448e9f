using Feedback.Domain.Cases;
using Feedback.Domain.Common.Privacy;

namespace Feedback.Domain.Tests.Rectification;

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
    // Nothing personal: untouched (a service number, a date, an amount).
    [InlineData("请拨打95598，2026年11月退还326.40元。", "请拨打95598，2026年11月退还326.40元。")]
    public void PersonalDataInsideSentences_IsMasked(string text, string expected) =>
        Assert.Equal(expected, PersonalDataInText.Mask(text).Text);

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
