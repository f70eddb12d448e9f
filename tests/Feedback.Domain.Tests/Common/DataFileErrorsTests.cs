using System.Reflection;
using System.Text.RegularExpressions;
using Feedback.Domain.Common;

namespace Feedback.Domain.Tests.Common;

public class DataFileErrorsTests
{
    private static IEnumerable<string> DeclaredCodes() =>
        typeof(DataFileErrors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!);

    [Fact]
    public void EveryDeclaredCode_HasTexts_AndEveryTextADeclaredCode() =>
        Assert.Equal(DeclaredCodes().Order(), DataFileErrors.AllCodes.Order());

    [Fact]
    public void EnglishAndChinese_UseTheSamePlaceholders()
    {
        foreach (var code in DataFileErrors.AllCodes)
        {
            var args = Enumerable.Range(0, 4).Select(i => (object)$"<{i}>").ToArray();
            var english = DataFileErrors.Format(code, args, "en");
            var chinese = DataFileErrors.Format(code, args, "zh-CN");
            Assert.Equal(Placeholders(english), Placeholders(chinese));
            Assert.NotEqual(english, chinese);
        }
    }

    [Fact]
    public void AnUnknownCode_IsShownAsIs_RatherThanThrowing() =>
        Assert.Equal("Nope (1, x)", DataFileErrors.Format("Nope", [1, "x"], "en"));

    private static string[] Placeholders(string text) =>
        Regex.Matches(text, "<[0-9]>").Select(m => m.Value).Distinct().Order().ToArray();
}
