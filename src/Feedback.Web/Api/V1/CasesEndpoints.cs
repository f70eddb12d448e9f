using Feedback.Domain.Cases;
using Feedback.Domain.Cases.Commands;
using Feedback.Domain.Cases.Queries;
using Feedback.Domain.Api.Queries;
using Feedback.Domain.Common;
using Feedback.Domain.Organisation;
using Mediator;

namespace Feedback.Web.Api.V1;

/// <summary>
/// File a case for a caller, read it by tracking number, and add a public reply or an internal note. The key
/// acts as its staff account (a service-centre dispatcher for the hotline), through the same commands and
/// access rules as that person's pages.
/// </summary>
public static class CasesEndpoints
{
    public static void MapCases(this RouteGroupBuilder group)
    {
        group.MapPost("cases", FileAsync)
            .Accepts<FileCaseRequest>("application/json")
            .Produces<FiledCase>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .WithName("FileCase")
            .WithSummary("File a case on behalf of a caller (channel Api); routed and deadlined at once.")
            .WithDescription("The key acts as its staff account, which must be a dispatcher. The case is routed by the rules and held to its "
                + "deadlines at once; the answer gives the tracking number and the PIN to tell the caller (with both they follow the case online).");
        group.MapGet("cases/{trackingNumber}", GetAsync)
            .Produces<CaseDocument>()
            .WithName("GetCase")
            .WithSummary("A case by its tracking number, as the key's staff account may see it.")
            .WithDescription("Contact details are masked unless that account may see them; location is what an Open311 client reported (null otherwise). "
                + "A case the account may not see is 404, as one that does not exist.");
        group.MapPost("cases/{trackingNumber}/replies", (string trackingNumber, HttpRequest request, IMediator mediator) =>
                AddTextAsync(trackingNumber, request, mediator, (id, text) => new PostPublicReply(id, text)))
            .Accepts<TextRequest>("application/json")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesValidationProblem()
            .WithName("PostReply")
            .WithSummary("A public reply: the caller sees it (and is emailed).")
            .WithDescription("Needs an account that handles the case (its department's staff or head). Text up to 5000 characters.");
        group.MapPost("cases/{trackingNumber}/notes", (string trackingNumber, HttpRequest request, IMediator mediator) =>
                AddTextAsync(trackingNumber, request, mediator, (id, text) => new AddInternalNote(id, text)))
            .Accepts<TextRequest>("application/json")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesValidationProblem()
            .WithName("AddNote")
            .WithSummary("An internal note: only those who handle the case see it.")
            .WithDescription("Never shown to the caller or published. Text up to 5000 characters.");
    }

    private static async Task<IResult> FileAsync(HttpRequest request, IMediator mediator, OrganisationCache organisation)
    {
        var body = await V1Endpoints.ReadBodyAsync<FileCaseRequest>(request);
        var org = await organisation.GetAsync();
        var errors = new List<ValidationError>();
        var kind = Enum.TryParse<CaseKind>(body.Kind, ignoreCase: true, out var parsed) && SubmitCase.PublicKinds.Contains(parsed) ? parsed : (CaseKind?)null;
        if (kind is null) errors.Add(new("kind", string.IsNullOrWhiteSpace(body.Kind) ? "Validation.Required" : "Validation.Invalid"));
        var category = Find(org.ActiveCategories, body.Category, "category", errors);
        var area = Find(org.ActiveAreas, body.Area, "area", errors);
        var accused = string.IsNullOrWhiteSpace(body.AccusedDepartment) ? null : Find(org.ActiveDepartments, body.AccusedDepartment, "accusedDepartment", errors);
        if (errors.Count > 0) throw new ValidationException(errors);

        var caller = body.Caller ?? new CallerDetails();
        var receipt = await mediator.Send(new SubmitCase(
            kind!.Value, Channel.Api, category!.Id, area!.Id, body.Subject ?? "", body.Description ?? "",
            body.Anonymous, caller.Name, caller.Phone, caller.Email, caller.Address, caller.CustomerNumber,
            body.Language ?? "zh-CN", [], accused?.Id));
        return TypedResults.Created($"{V1Endpoints.Root}/cases/{receipt.TrackingNumber}",
            new FiledCase(receipt.TrackingNumber, receipt.AccessPin, receipt.ContactBy, receipt.ResolveBy));
    }

    private static async Task<CaseDocument> GetAsync(string trackingNumber, IMediator mediator)
    {
        var id = await mediator.Send(new FindCaseByTrackingNumber(trackingNumber));
        var view = await mediator.Send(new GetStaffCase(id));
        return CaseDocument.From(view, System.Globalization.CultureInfo.CurrentUICulture.Name);
    }

    private static async Task<IResult> AddTextAsync(string trackingNumber, HttpRequest request, IMediator mediator, Func<Guid, string, ICommand> command)
    {
        var id = await mediator.Send(new FindCaseByTrackingNumber(trackingNumber));
        var body = await V1Endpoints.ReadBodyAsync<TextRequest>(request);
        await mediator.Send(command(id, body.Text ?? ""));
        return TypedResults.NoContent();
    }

    private static T? Find<T>(IEnumerable<T> entries, string? code, string field, List<ValidationError> errors) where T : NamedEntity
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            errors.Add(new(field, "Validation.Required"));
            return null;
        }
        var found = entries.FirstOrDefault(e => string.Equals(e.Code, code.Trim(), StringComparison.OrdinalIgnoreCase));
        if (found is null) errors.Add(new(field, "Api.V1.UnknownCode", code.Trim()));
        return found;
    }
}

/// <summary>A case filed for a caller. Codes are those of the organisation's categories, areas and departments.</summary>
/// <param name="Kind">complaint, suggestion, report or praise.</param>
/// <param name="AccusedDepartment">For a report: the department it accuses (it will never handle it).</param>
/// <param name="Language">zh-CN or en: the caller's emails are written in it.</param>
public sealed record FileCaseRequest(
    string? Kind, string? Category, string? Area, string? Subject, string? Description,
    bool Anonymous = false, CallerDetails? Caller = null, string? AccusedDepartment = null, string? Language = null);

public sealed record CallerDetails(string? Name = null, string? Phone = null, string? Email = null, string? Address = null, string? CustomerNumber = null);

/// <param name="AccessPin">Tell the caller: with the tracking number it lets them follow the case online.</param>
public sealed record FiledCase(string TrackingNumber, string AccessPin, DateTimeOffset? ContactBy, DateTimeOffset? ResolveBy);

public sealed record TextRequest(string? Text);

/// <summary>A case as its reader may see it: contact details masked unless they may see them.</summary>
public sealed record CaseDocument(
    string TrackingNumber, string Status, string Kind, string Channel, string Priority, string Category, string Area, string? Department,
    string Subject, string Description, bool Anonymous, CallerView Caller,
    DateTimeOffset SubmittedAt, DateTimeOffset? ContactBy, DateTimeOffset? ResolveBy, DateTimeOffset? ResolvedAt, DateTimeOffset? ClosedAt,
    string? ResolutionSummary, IReadOnlyList<TimelineEntry> Timeline, ReportedLocation? Location)
{
    /// <param name="culture">Names of category, area and department are given in the reader's language.</param>
    public static CaseDocument From(StaffCaseView view, string culture) => new(
        view.TrackingNumber, view.Status.ToString(), view.Kind.ToString(), view.Channel.ToString(), view.Priority.ToString(),
        view.Category.In(culture), view.Area.In(culture), view.Department?.In(culture),
        view.Subject, view.Description, view.IsAnonymous,
        new CallerView(view.Contact.Name, view.Contact.Phone, view.Contact.Email, view.Contact.Address, view.Contact.CustomerNumber, view.Contact.IsMasked),
        view.SubmittedAt, view.ContactBy, view.ResolveBy, view.ResolvedAt, view.ClosedAt, view.ResolutionSummary,
        view.Timeline.Select(e => new TimelineEntry(e.At, e.Type.ToString(), e.Action?.ToString(), e.ToStatus?.ToString(), e.ActorName, e.ActorCapacity.ToString(), e.IsPublic, e.Text)).ToList(),
        view.ReportedLocation is { } l ? new ReportedLocation(l.Latitude, l.Longitude, l.AddressString, l.AddressId, l.MediaUrl) : null);
}

/// <summary>Where the problem is, as an Open311 client reported it (null for cases from other channels).</summary>
public sealed record ReportedLocation(double? Latitude, double? Longitude, string? AddressString, string? AddressId, string? MediaUrl);

public sealed record CallerView(string? Name, string? Phone, string? Email, string? Address, string? CustomerNumber, bool Masked);

public sealed record TimelineEntry(DateTimeOffset At, string Type, string? Action, string? ToStatus, string Actor, string Capacity, bool Public, string? Text);
