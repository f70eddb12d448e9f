using System.Xml.Linq;
using Feedback.Web.Infrastructure.Web;

namespace Feedback.Web.Tests.BadInput;

/// <summary>The rules behind the bad-input answers: what text is, what XML may carry, where a redirect may go.</summary>
public sealed class TextRulesTests
{
    [Theory]
    [InlineData("电费异常，请核实。", true)]
    [InlineData("line\r\nnext\ttab", true)]
    [InlineData("emoji 😀 pair", true)]
    [InlineData("nul\0", false)]
    [InlineData("vertical\vtab", false)]
    [InlineData("non-character \uFFFE", false)]
    [InlineData("non-character \uFFFF", false)]
    public void PlainText_IsWhatAPersonCanHaveTyped(string value, bool isText) =>
        Assert.Equal(isText, PlainText.IsText(value));

    /// <summary>Not as theory data: xUnit's serialisation of test cases turns a lone surrogate into U+FFFD.</summary>
    [Fact]
    public void LoneSurrogates_AreNotText_NorARedirectTarget()
    {
        foreach (var lone in new[] { '\uD800', '\uDC00' })
        {
            Assert.False(PlainText.IsText($"lone {lone} surrogate"));
            Assert.False(PlainText.IsText($"{lone}"));
            Assert.Equal("/", LocalUrl.OrHome($"/a{lone}"));
            Assert.Equal("ab", PlainText.Clean($"a{lone}b"));
        }
        Assert.False(PlainText.IsText("\uDC00\uD800"));   // a pair in the wrong order is two lone halves
    }

    [Fact]
    public void XmlOutput_DropsWhatXmlCannotCarry_AndKeepsTheRest()
    {
        var document = new XDocument(new XDeclaration("1.0", "utf-8", null),
            new XElement("feed", new XAttribute("title", "a\vb"), new XElement("entry", "整改\v公示 😀 \uD800\0end")));
        var xml = System.Text.Encoding.UTF8.GetString(XmlOutput.ToUtf8(document));
        var parsed = XDocument.Parse(xml);
        Assert.Equal("ab", parsed.Root!.Attribute("title")!.Value);
        Assert.Equal("整改公示 😀 end", parsed.Root.Element("entry")!.Value);
    }

    [Theory]
    [InlineData("/Account/Manage", "/Account/Manage")]
    [InlineData("/Outcomes?page=2", "/Outcomes?page=2")]
    [InlineData("/中文", "/%E4%B8%AD%E6%96%87")]
    [InlineData("/a😀", "/a%F0%9F%98%80")]
    [InlineData("/\u0001x", "/")]
    [InlineData("/a\r\nSet-Cookie: x=1", "/")]
    [InlineData("//evil.example", "/")]
    [InlineData("/\\evil.example", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("", "/")]
    [InlineData(null, "/")]
    public void LocalUrl_IsAPathOnThisSite_ThatAHeaderCanCarry(string? url, string expected) =>
        Assert.Equal(expected, LocalUrl.OrHome(url));
}
