using System.Net;
using Feedback.Domain.Cases;
using Feedback.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Web.Tests.Staff;

/// <summary>The dispatcher's filing form sent more than once files one case, like the public form.</summary>
public sealed class DispatcherResubmissionTests(StaffWorld world) : IClassFixture<StaffWorld>
{
    private KeyValuePair<string, string>[] Form(string key) => StaffWorld.Fields(
        ("Input.Channel", "Hotline"), ("Input.Kind", "Complaint"), ("Input.CategoryId", world.Category("other").Id.ToString()),
        ("Input.ServiceAreaId", world.Area(1).Id.ToString()), ("Input.Subject", "Caller reports flickering supply"),
        ("Input.Description", "Lights flicker every evening since Monday."), ("Input.ContactName", "王五"),
        ("Input.ContactPhone", "13700001111"), ("Input.Culture", "zh-CN"), ("Input.SubmissionKey", key));

    private Task<int> CountCasesAsync() => world.App.DbAsync(db => db.Cases.CountAsync());

    [Fact]
    public async Task TheSameFormSentTwice_FilesOneCase_AndTheSecondAnswerIsThatCaseWithoutThePin()
    {
        var dispatcher = await world.ClientAsync(Demo.Dispatcher);
        var form = Form(SubmissionKey.New());
        var casesBefore = await CountCasesAsync();

        var first = await dispatcher.PostAsync("/Dispatch/File", form);
        var firstPage = await dispatcher.GetStringAsync(first.Headers.Location!.OriginalString);
        var second = await dispatcher.PostAsync("/Dispatch/File", form);

        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (first.StatusCode, second.StatusCode));
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(casesBefore + 1, await CountCasesAsync());
        var secondPage = WebUtility.HtmlDecode(await dispatcher.GetStringAsync(second.Headers.Location!.OriginalString));
        Assert.Contains("此表单已经提交过", secondPage);
        Assert.DoesNotContain("此表单已经提交过", WebUtility.HtmlDecode(firstPage));
    }

    [Fact]
    public async Task TheSameFormSentTwiceAtOnce_FilesOneCase_AndBothAnswersLeadToIt()
    {
        var dispatcher = await world.ClientAsync(Demo.Dispatcher);
        var form = Form(SubmissionKey.New());
        var casesBefore = await CountCasesAsync();
        // One browser: its antiforgery cookie is set before the clicks (each sending fetches the form for its token).
        await dispatcher.GetStringAsync("/Dispatch/File");

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => dispatcher.PostAsync("/Dispatch/File", form)));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Redirect, a.StatusCode));
        Assert.Single(answers.Select(a => a.Headers.Location!.OriginalString).Distinct());
        Assert.Equal(casesBefore + 1, await CountCasesAsync());
    }

    [Fact]
    public async Task ABadKey_Is400AndFilesNothing()
    {
        var dispatcher = await world.ClientAsync(Demo.Dispatcher);
        var casesBefore = await CountCasesAsync();

        var response = await dispatcher.PostAsync("/Dispatch/File", Form("not a key"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("无法识别此表单", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Equal(casesBefore, await CountCasesAsync());
    }
}
