using System.Net;
using System.Text.RegularExpressions;
using Feedback.Domain.Cases;
using Feedback.Domain.Cases.Commands;
using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Feedback.Domain.Organisation;
using Feedback.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Feedback.Web.Tests.Staff;

/// <summary>The demo accounts by the part they play in the staff tests (the cases are handled by BILLING).</summary>
public static class Demo
{
    public const string Customer = "customer@demo.local";
    public const string OtherCustomer = "customer2@demo.local";
    public const string Staff = "staff.billing@demo.local";
    public const string Staff2 = "staff2.billing@demo.local";
    public const string OtherStaff = "staff.om@demo.local";
    public const string Head = "head.billing@demo.local";
    public const string OtherHead = "head.om@demo.local";
    public const string Dispatcher = "dispatcher@demo.local";
    public const string Admin = "admin@demo.local";
    public const string Supervisor = "supervisor@demo.local";
    public const string Integrity = "staff.integrity@demo.local";
}

/// <summary>
/// One app for a test class, with signed-in clients per account (kept: signing in hashes a password) and
/// the few steps the tests need to put a case where they want it.
/// </summary>
public sealed partial class StaffWorld : IAsyncLifetime
{
    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 4];

    private readonly Dictionary<string, HttpClient> _clients = [];
    private readonly SemaphoreSlim _signingIn = new(1, 1);
    private readonly Dictionary<HttpClient, string> _tokens = [];
    private (CaseReceipt, Guid)? _shared;

    public FeedbackApp App { get; } = new();
    public OrganisationSnapshot Organisation { get; private set; } = null!;
    public Guid Billing { get; private set; }
    public Guid Operations { get; private set; }
    public Guid IntegrityOffice { get; private set; }

    public async Task InitializeAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        Organisation = await scope.ServiceProvider.GetRequiredService<OrganisationCache>().GetAsync();
        Billing = await DepartmentOfAsync(Demo.Staff);
        Operations = await DepartmentOfAsync(Demo.OtherStaff);
        IntegrityOffice = await DepartmentOfAsync(Demo.Integrity);
    }

    public Task DisposeAsync()
    {
        foreach (var client in _clients.Values) client.Dispose();
        App.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>A client signed in as <paramref name="email"/> (null: anonymous), reused across tests.</summary>
    public async Task<HttpClient> ClientAsync(string? email)
    {
        await _signingIn.WaitAsync();
        try
        {
            var key = email ?? "";
            if (!_clients.TryGetValue(key, out var client))
            {
                _clients[key] = client = App.CreateBrowserClient();
                if (email is not null)
                    await client.SignInAsync(email);
            }
            return client;
        }
        finally
        {
            _signingIn.Release();
        }
    }

    /// <summary>A page as <paramref name="email"/> sees it (null: anonymous), asserting it is shown; entities decoded.</summary>
    public async Task<string> PageAsync(string? email, string url)
    {
        var response = await (await ClientAsync(email)).GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    public Category Category(string code) =>
        Organisation.Categories.Single(c => string.Equals(c.Code, code, StringComparison.OrdinalIgnoreCase));

    public ServiceArea Area(int index) => Organisation.Areas[index];

    public Task<Guid> UserIdAsync(string email) => App.DbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    public async Task<Guid> DepartmentOfAsync(string email) =>
        await App.DbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.DepartmentId).SingleAsync())
        ?? throw new InvalidOperationException($"{email} has no department: do the demo accounts' department codes match content/setup?");

    /// <summary>
    /// Files a case through the real command. Category "other" matches no routing rule, so the case waits in
    /// triage, unless it is a misconduct report (those go to the Integrity office).
    /// </summary>
    public async Task<CaseReceipt> FileAsync(string? asEmail = Demo.Customer, string subject = "Meter reading looks wrong",
        CaseKind kind = CaseKind.Complaint, string category = "other", int area = 0, Guid? accused = null,
        string name = "张三丰", string phone = "13800138000", bool withAttachment = false)
    {
        UploadedFile[] files = withAttachment ? [new UploadedFile("photo.png", Png.Length, () => new MemoryStream(Png))] : [];
        return await App.SendAsync(asEmail, new SubmitCase(kind, Channel.Web, Category(category).Id, Area(area).Id, subject,
            "Details of what happened, for the tests.", IsAnonymous: false, name, phone, "zhang.san@example.com", "滨州市滨城区黄河五路100号",
            "0012345678", "zh-CN", files, accused));
    }

    /// <summary>A case filed by the customer and routed by the dispatcher to <paramref name="department"/> (Assigned).</summary>
    public async Task<CaseReceipt> AssignedCaseAsync(Guid? department = null, string subject = "Meter reading looks wrong",
        bool withAttachment = false, string category = "other", int area = 0)
    {
        var receipt = await FileAsync(subject: subject, withAttachment: withAttachment, category: category, area: area);
        Assert.Equal(CaseStatus.Submitted, await StatusAsync(receipt.CaseId));
        await App.SendAsync(Demo.Dispatcher, new RouteCase(receipt.CaseId, department ?? Billing, Priority.Normal));
        return receipt;
    }

    /// <summary>Assigned to BILLING and accepted there (InProgress).</summary>
    public async Task<CaseReceipt> InProgressCaseAsync(string acceptedBy = Demo.Staff2)
    {
        var receipt = await AssignedCaseAsync();
        await App.SendAsync(acceptedBy, new AcceptCase(receipt.CaseId));
        return receipt;
    }

    /// <summary>
    /// The customer (signed in, the case's submitter) answers a request for information: the step the public
    /// side's ProvideInformation command takes. Done on the aggregate here because that command was not in
    /// main yet; send ProvideInformation(caseId, SubmitterProof.None, answer) as the customer once it is.
    /// </summary>
    public Task AnswerAsCustomerAsync(Guid caseId, string answer) =>
        App.AsUserAsync(Demo.Customer, async services =>
        {
            var db = services.GetRequiredService<FeedbackDbContext>();
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
            var @case = await db.Cases.Include(c => c.Events).SingleAsync(c => c.Id == caseId);
            @case.ProvideInformation(answer, CaseAccess.For(services.GetRequiredService<ICurrentUser>(), @case), now);
            db.MoveDomainEventsToOutbox(now);
            return await db.SaveChangesAsync();
        });

    public Task<CaseStatus> StatusAsync(Guid caseId) =>
        App.DbAsync(db => db.Cases.Where(c => c.Id == caseId).Select(c => c.Status).SingleAsync());

    public Task<int> TimelineLengthAsync(Guid caseId) =>
        App.DbAsync(db => db.CaseEvents.CountAsync(e => e.CaseId == caseId));

    public Task<Case> CaseAsync(Guid caseId) =>
        App.DbAsync(db => db.Cases.Include(c => c.Events).Include(c => c.Attachments).SingleAsync(c => c.Id == caseId));

    /// <summary>
    /// Posts a form as a browser would, with an antiforgery token taken once per client from the site
    /// header's form: a token is valid for every page of the same signed-in client.
    /// </summary>
    public async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> fields)
    {
        if (!_tokens.TryGetValue(client, out var token))
            _tokens[client] = token = Forms.AntiforgeryToken(await client.GetStringAsync("/"));
        return await client.PostAsync(url, new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))));
    }

    /// <summary>A case (filed by the customer with a photo, assigned to BILLING) for tests that only look at it.</summary>
    public async Task<(CaseReceipt Receipt, Guid AttachmentId)> SharedCaseAsync()
    {
        if (_shared is null)
        {
            var receipt = await AssignedCaseAsync(withAttachment: true);
            _shared = (receipt, (await CaseAsync(receipt.CaseId)).Attachments.Single().Id);
        }
        return _shared.Value;
    }

    public static KeyValuePair<string, string>[] Fields(params (string Name, string Value)[] fields) =>
        fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).ToArray();

    [GeneratedRegex(@"href=""/Staff/Case/[0-9a-f-]{36}"" class=""font-monospace"">([0-9]{6}-[0-9A-Z]{6})<")]
    private static partial Regex TrackingNumberLink();

    /// <summary>The tracking numbers of a case list, in the order shown.</summary>
    public static List<string> TrackingNumbersIn(string html) =>
        TrackingNumberLink().Matches(html).Select(m => m.Groups[1].Value).ToList();
}

/// <summary>What a request came to, as a person would experience it.</summary>
public enum Outcome
{
    /// <summary>200: the page is shown.</summary>
    Ok,
    /// <summary>302 to the sign-in page.</summary>
    Login,
    /// <summary>403, or the redirect to the access-denied page (which answers 403).</summary>
    Forbidden,
    /// <summary>404: not found, or not to be known.</summary>
    NotFound,
    /// <summary>400: the page again, with the reason.</summary>
    BadRequest,
    /// <summary>302 back to the page with a success message (post/redirect/get).</summary>
    Done,
}

public static class Outcomes
{
    public static Outcome Of(HttpResponseMessage response)
    {
        var location = response.Headers.Location?.OriginalString ?? "";
        return response.StatusCode switch
        {
            HttpStatusCode.OK => Outcome.Ok,
            HttpStatusCode.NotFound => Outcome.NotFound,
            HttpStatusCode.Forbidden => Outcome.Forbidden,
            HttpStatusCode.BadRequest => Outcome.BadRequest,
            HttpStatusCode.Redirect when location.Contains("/Account/Login") => Outcome.Login,
            HttpStatusCode.Redirect when location.Contains("/Error/403") => Outcome.Forbidden,
            HttpStatusCode.Redirect => Outcome.Done,
            _ => throw new InvalidOperationException($"Unexpected {(int)response.StatusCode} → {location}"),
        };
    }
}
