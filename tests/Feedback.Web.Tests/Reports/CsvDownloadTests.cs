using System.Text;
using Feedback.Web.Infrastructure.Reports;

namespace Feedback.Web.Tests.Reports;

/// <summary>The one CSV writer: cells a spreadsheet would evaluate are written so that they are shown as typed.</summary>
public sealed class CsvDownloadTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"点我\")", "'=HYPERLINK(\"http://evil.example\",\"点我\")")]
    [InlineData("+86 138 0000 0000", "'+86 138 0000 0000")]
    [InlineData("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0")]
    [InlineData("@SUM(A1:A9)", "'@SUM(A1:A9)")]
    [InlineData("\t=1+1", "'\t=1+1")]
    [InlineData("\r=1+1", "'\r=1+1")]
    // Figures stay figures; ordinary text and an en dash (the "none" mark) stay as they are.
    [InlineData("-3", "-3")]
    [InlineData("-12.5", "-12.5")]
    [InlineData("+7", "+7")]
    [InlineData("电费管理中心", "电费管理中心")]
    [InlineData("–", "–")]
    [InlineData("", "")]
    public void ACell_ThatASpreadsheetWouldRun_IsPrefixedWithAnApostrophe(string cell, string written) =>
        Assert.Equal(written, CsvDownload.Neutralise(cell));

    [Fact]
    public void TheFile_NeutralisesHeaderAndRows()
    {
        var file = CsvDownload.File("x.csv", ["=cmd", "名称"], [["@evil", "正常"], ["-1", "=1+1"]]);
        var rows = DashboardTests.CsvRows(Encoding.UTF8.GetString(file.FileContents));
        Assert.Equal(["'=cmd", "名称"], rows[0]);
        Assert.Equal(["'@evil", "正常"], rows[1]);
        Assert.Equal(["-1", "'=1+1"], rows[2]);
    }
}
