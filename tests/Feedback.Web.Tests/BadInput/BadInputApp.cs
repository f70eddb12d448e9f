using Feedback.Domain.Cases;
using Feedback.Domain.Cases.Commands;
using Feedback.Domain.Publishing.Commands;
using Feedback.Domain.Rectification.Commands;
using Feedback.Web.Tests.Api;
using Feedback.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Feedback.Web.Tests.BadInput;

/// <summary>
/// The app as it is deployed (Production environment, real Kestrel on loopback: headers are validated as a
/// real server does, which the in-memory test server does not), with a case in work, a published outcome
/// whose title holds a vertical tab, and keys for both APIs. Shared by <see cref="BadInputTests"/> and
/// <see cref="FuzzTests"/>.
/// </summary>
public sealed class BadInputApp : FakeClockApp
{
    public const string Staff = "staff.billing@demo.local";
    public const string Head = "head.billing@demo.local";
    public const string Admin = "admin@demo.local";

    public BadInputApp() : base(new Dictionary<string, string?> { ["RateLimits:apiKey"] = "1000000", ["Api:ChangesSettleSeconds"] = "0" })
    {
        BaseAddress = UseRealServer();
    }

    public Uri BaseAddress { get; }
    /// <summary>A case with its outcome published.</summary>
    public Guid CaseId { get; private set; }
    /// <summary>A case accepted by <see cref="Staff"/>, nothing drafted yet.</summary>
    public Guid WorkCaseId { get; private set; }
    public string TrackingNumber { get; private set; } = "";
    public Guid OutcomeId { get; private set; }
    public string Key { get; private set; } = "";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
        // Production has no demo accounts: take their list from the development settings.
        builder.ConfigureAppConfiguration(configuration =>
            configuration.AddJsonFile(Path.Combine(RepositoryRoot, "src", "Feedback.Web", "appsettings.Development.json"), optional: false));
    }

    /// <summary>A client like a browser (cookies, no redirects followed) against the real server.</summary>
    public HttpClient Browser() =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new System.Net.CookieContainer() }) { BaseAddress = BaseAddress };

    public async Task<HttpClient> SignedInAsync(string email)
    {
        var client = Browser();
        await client.SignInAsync(email);
        return client;
    }

    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _ready;

    /// <summary>Creates the shared data once.</summary>
    public async Task EnsureReadyAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_ready) return;
            Key = await this.CreateKeyAsync(open311: true, hotline: true);
            var (category, area) = await BillingInBinchengAsync();
            var receipt = await SendAsync("customer@demo.local", new SubmitCase(CaseKind.Complaint, Channel.Web, category, area, "电费比上月高出三倍",
                "本月电费异常，请核实。", false, "王建国", "13812345678", "wang@example.com", null, null, "zh-CN", []));
            CaseId = receipt.CaseId;
            TrackingNumber = receipt.TrackingNumber;
            await SendAsync(Staff, new AcceptCase(CaseId));
            await SendAsync(Staff, new RecordRectification(CaseId, "抄表员误读表计读数"));
            var today = DateOnly.FromDateTime(Clock.GetUtcNow().AddHours(8).Date);
            var measure = await SendAsync(Staff, new AddMeasure(CaseId, "更正读数并退还多收电费", await UserIdAsync(Staff), today.AddDays(3)));
            await SendAsync(Staff, new CompleteMeasure(CaseId, measure, "已退还", []));
            await SendAsync(Staff, new ResolveCase(CaseId, "已处理"));
            // A vertical tab, as a word processor pastes a manual line break: XML 1.0 cannot carry it.
            await SendAsync(Staff, new SaveOutcomeDraft(CaseId, "关于电费异常的整改\v公示", "已整改。\v退还多收电费。"));
            await SendAsync(Staff, new SubmitOutcome(CaseId));
            await SendAsync(Head, new ApproveOutcome(CaseId));
            var work = await SendAsync("customer@demo.local", new SubmitCase(CaseKind.Complaint, Channel.Web, category, area, "电表走字过快",
                "请核实电表。", false, "李四", "13900001111", null, null, null, "zh-CN", []));
            WorkCaseId = work.CaseId;
            await SendAsync(Staff, new AcceptCase(WorkCaseId));
            OutcomeId = await DbAsync(db => db.Outcomes.Where(o => o.CaseId == CaseId).Select(o => o.Id).SingleAsync());
            _ready = true;
        }
        finally
        {
            _gate.Release();
        }
    }
}

public sealed class BadInputAppFixture : IAsyncLifetime
{
    public BadInputApp App { get; } = new();

    public Task InitializeAsync() => App.EnsureReadyAsync();

    public Task DisposeAsync()
    {
        App.Dispose();
        return Task.CompletedTask;
    }
}
