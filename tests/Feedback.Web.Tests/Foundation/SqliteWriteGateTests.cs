using Feedback.Domain.Cases;
using Feedback.Domain.Cases.Commands;
using Feedback.Domain.Data;
using Feedback.Domain.Organisation;
using Feedback.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Feedback.Web.Tests.Foundation;

/// <summary>
/// The in-process writer gate (SqliteWriteGate): many parallel filings all land, and a transaction that
/// ends without commit or rollback does not keep the gate (which would stop every later write).
/// </summary>
public sealed class SqliteWriteGateTests(FeedbackAppFixture fixture) : IClassFixture<FeedbackAppFixture>
{
    private FeedbackApp App => fixture.App;

    [Fact]
    public async Task Parallel_filings_all_land_without_a_locked_database()
    {
        var (category, area) = await CategoryAndAreaAsync();
        const int filings = 120;
        var receipts = await Task.WhenAll(Enumerable.Range(0, filings).Select(i => Task.Run(() =>
            App.SendAsync(null, new SubmitCase(CaseKind.Complaint, Channel.Web, category, area, $"并发提交 {i}",
                "电费异常，请核实。", false, "张三", "13812345678", null, null, null, "zh-CN", [])))));

        var ids = receipts.Select(r => r.CaseId).ToList();
        var stored = await App.DbAsync(db => db.Cases.CountAsync(c => ids.Contains(c.Id)));
        Assert.Equal(filings, stored);
        Assert.Equal(filings, receipts.Select(r => r.TrackingNumber).Distinct().Count());
    }

    [Fact]
    public async Task A_transaction_disposed_without_commit_gives_the_gate_back()
    {
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FeedbackDbContext>();
            await using var abandoned = await db.Database.BeginTransactionAsync();
            await db.Database.ExecuteSqlRawAsync("UPDATE Departments SET Code = Code");
            // Disposed here without Commit or Rollback, as an early return inside `using` does.
        }

        var (category, area) = await CategoryAndAreaAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var receipt = await App.SendAsync(null, new SubmitCase(CaseKind.Complaint, Channel.Web, category, area, "之后的提交",
            "电费异常，请核实。", false, "张三", "13812345678", null, null, null, "zh-CN", [])).WaitAsync(timeout.Token);
        Assert.True(await App.DbAsync(db => db.Cases.AnyAsync(c => c.Id == receipt.CaseId)));
    }

    private async Task<(Guid Category, Guid Area)> CategoryAndAreaAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var org = await scope.ServiceProvider.GetRequiredService<OrganisationCache>().GetAsync();
        return (org.Categories.Single(c => c.Code == "billing").Id, org.Areas[0].Id);
    }
}
