using System.Net;
using System.Text.RegularExpressions;
using Feedback.Domain.Cases;
using Feedback.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Feedback.Web.Tests.Public.PublicFlows;

namespace Feedback.Web.Tests.Public;

/// <summary>
/// The public filing form sent more than once (double click, a retry after a timeout, back and send again)
/// files one case: its submission key, rendered with the form, is stored with the case.
/// </summary>
[Collection(PublicCollection.Name)]
public sealed partial class ResubmissionTests(FeedbackAppFixture fixture)
{
    private readonly FeedbackApp app = fixture.App;

    [GeneratedRegex(@"name=""Input.SubmissionKey"" value=""([^""]*)""")]
    private static partial Regex KeyField();

    [Fact]
    public async Task TheFormCarriesAKey_AndTheSameFormSentTwice_FilesOneCase_WithTheSameNumberAndNoPinTheSecondTime()
    {
        var client = app.CreateBrowserClient();
        var key = KeyField().Match(await client.GetStringAsync("/Public/File")).Groups[1].Value;
        Assert.True(SubmissionKey.IsWellFormed(key), key);
        var form = await ValidFormAsync(app, ("Input.SubmissionKey", key));
        var casesBefore = await CountCasesAsync(app);

        var (number, pin) = await FileAsync(app, client, form);
        var again = await PostFileFormAsync(client, form);

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("/Public/Receipt", again.Headers.Location?.OriginalString);
        var receipt = await client.GetHtmlAsync("/Public/Receipt");
        Assert.Contains($"id=\"tracking-number\">{number}<", receipt);
        Assert.Contains("此表单已经提交过", receipt);
        Assert.DoesNotContain("access-pin", receipt);
        Assert.DoesNotContain(pin, receipt);
        Assert.Equal(casesBefore + 1, await CountCasesAsync(app));
        Assert.Equal(key, (await LoadCaseAsync(app, number)).SubmissionKey);
    }

    [Fact]
    public async Task SentAgainBeforeTheFirstReceiptWasShown_TheReceiptStillShowsThePinOnce()
    {
        var client = app.CreateBrowserClient();
        var form = await ValidFormAsync(app, ("Input.SubmissionKey", SubmissionKey.New()));

        // A double click: the first answer's redirect is never followed, but its receipt cookie was kept.
        Assert.Equal(HttpStatusCode.Redirect, (await PostFileFormAsync(client, form)).StatusCode);
        var (number, pin) = await FileAsync(app, client, form);

        Assert.True((await LoadCaseAsync(app, number)).HasPin(pin), "the PIN shown is the case's");
        Assert.DoesNotContain(pin, await client.GetHtmlAsync("/Public/Receipt"));
    }

    [Fact]
    public async Task TheSameFormSentManyTimesAtOnce_FilesOneCase_AndEveryAnswerIsTheReceipt()
    {
        var client = app.CreateBrowserClient();
        var form = await ValidFormAsync(app, ("Input.SubmissionKey", SubmissionKey.New()));
        var (casesBefore, filesBefore) = (await CountCasesAsync(app), CountStoredFiles(app));
        // One browser: its antiforgery cookie is set before the clicks (each sending fetches the form for its token).
        await client.GetStringAsync("/Public/File");

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => PostFileFormAsync(client, form, ("电表.png", Png))));

        Assert.All(answers, a => Assert.Equal((HttpStatusCode.Redirect, "/Public/Receipt"), (a.StatusCode, a.Headers.Location?.OriginalString)));
        Assert.Equal(casesBefore + 1, await CountCasesAsync(app));
        // The photos of the sendings that lost the race were not kept.
        Assert.Equal(filesBefore + 1, CountStoredFiles(app));
        Assert.Contains("id=\"tracking-number\">", await client.GetHtmlAsync("/Public/Receipt"));
    }

    [Fact]
    public async Task TwoFormsWithDifferentKeys_FileTwoCases()
    {
        var client = app.CreateBrowserClient();
        var casesBefore = await CountCasesAsync(app);

        var (first, _) = await FileAsync(app, client, await ValidFormAsync(app, ("Input.SubmissionKey", SubmissionKey.New())));
        var (second, _) = await FileAsync(app, client, await ValidFormAsync(app, ("Input.SubmissionKey", SubmissionKey.New())));

        Assert.NotEqual(first, second);
        Assert.Equal(casesBefore + 2, await CountCasesAsync(app));
    }

    [Theory]
    [InlineData("short")]
    [InlineData("0123456789abcdef0123456789abcdef<script>")]
    [InlineData("01234567 89abcdef 0123456789abcdef")]
    public async Task ABadKey_Is400WithTheMessage_FilesNothing_AndTheFormComesBackWithAFreshKey(string badKey)
    {
        var client = app.CreateBrowserClient();
        var casesBefore = await CountCasesAsync(app);

        var response = await PostFileFormAsync(client, await ValidFormAsync(app, ("Input.SubmissionKey", badKey)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.HtmlAsync();
        Assert.Contains("无法识别此表单", html);
        var shownAgain = KeyField().Match(html).Groups[1].Value;
        Assert.True(SubmissionKey.IsWellFormed(shownAgain), shownAgain);
        Assert.Equal(casesBefore, await CountCasesAsync(app));
    }

    [Fact]
    public async Task AFormRefusedForItsInput_ComesBackWithTheSameKey_WhichThenFilesOnce()
    {
        var client = app.CreateBrowserClient();
        var key = SubmissionKey.New();
        var casesBefore = await CountCasesAsync(app);

        var refused = await PostFileFormAsync(client, await ValidFormAsync(app, ("Input.SubmissionKey", key), ("Input.Subject", null)));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(key, KeyField().Match(await refused.HtmlAsync()).Groups[1].Value);

        var form = await ValidFormAsync(app, ("Input.SubmissionKey", key));
        var (number, _) = await FileAsync(app, client, form);
        Assert.Equal(HttpStatusCode.Redirect, (await PostFileFormAsync(client, form)).StatusCode);
        Assert.Equal(casesBefore + 1, await CountCasesAsync(app));
        Assert.Equal(1, await app.DbAsync(db => db.Cases.CountAsync(c => c.SubmissionKey == key && c.TrackingNumber == number)));
    }
}
