using Feedback.Domain.Cases;
using Feedback.Domain.Cases.Commands;
using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Feedback.Domain.Organisation;
using Mediator;

namespace Feedback.Domain.Api.Commands;

/// <summary>
/// Open311 GeoReport v2 <c>POST requests</c>: a case filed by an Open311 client, with the spec's fields as
/// sent (validation errors name the spec's parameters). Files through <see cref="SubmitCase"/> (channel
/// Open311) so it is routed and deadlined like any case, and keeps the location and client ids beside it.
/// </summary>
public sealed record SubmitOpen311Request(
    string? ServiceCode,
    IReadOnlyDictionary<string, string> Attributes,
    double? Latitude,
    double? Longitude,
    string? AddressString,
    string? AddressId,
    string? Email,
    string? DeviceId,
    string? AccountId,
    string? FirstName,
    string? LastName,
    string? Phone,
    string? Description,
    string? MediaUrl,
    string Culture,
    IReadOnlyList<UploadedFile>? Photos = null) : ICommand<Open311Receipt>, IAuthorizedMessage, IValidate
{
    public const string KindAttribute = "kind";
    public const string AreaAttribute = "area";
    /// <summary>The spec allows 4000 characters of description.</summary>
    public const int DescriptionMaxLength = 4000;

    /// <summary>Kinds an Open311 client may file. Misconduct reports protect the reporter and are not taken on a public API.</summary>
    public static readonly IReadOnlyList<CaseKind> Kinds = [CaseKind.Complaint, CaseKind.Suggestion, CaseKind.Praise];

    public bool IsAuthorizedFor(ICurrentUser user) => user.IsInRole(Roles.ApiClient);

    public IEnumerable<ValidationError> Validate()
    {
        if (string.IsNullOrWhiteSpace(ServiceCode)) yield return new("service_code", "Validation.Required");
        if (Latitude is null != Longitude is null) yield return new(Latitude is null ? "lat" : "long", "Validation.Required");
        if (Latitude is null && string.IsNullOrWhiteSpace(AddressString) && string.IsNullOrWhiteSpace(AddressId))
            yield return new("lat", "Api.Open311.LocationRequired");
        if (Latitude is < -90 or > 90 || (Latitude is { } lat && double.IsNaN(lat))) yield return new("lat", "Validation.Invalid");
        if (Longitude is < -180 or > 180 || (Longitude is { } lon && double.IsNaN(lon))) yield return new("long", "Validation.Invalid");
        // The description is optional when the attributes carry the content (the spec; FixMyStreet's attribute forms).
        if (string.IsNullOrWhiteSpace(Description) && !Attributes.Any(a => a.Key is not KindAttribute and not AreaAttribute && !string.IsNullOrWhiteSpace(a.Value)))
            yield return new("description", "Validation.Required");
        foreach (var e in Check.Optional(Description, "description", DescriptionMaxLength)) yield return e;
        foreach (var e in AttachmentIntake.Validate(Photos, "media")) yield return e;
        foreach (var e in Check.Optional(AddressString, "address_string", Open311Details.AddressMaxLength)) yield return e;
        foreach (var e in Check.Optional(AddressId, "address_id", Open311Details.IdMaxLength)) yield return e;
        foreach (var e in Check.Optional(DeviceId, "device_id", Open311Details.IdMaxLength)) yield return e;
        foreach (var e in Check.Optional(AccountId, "account_id", Open311Details.IdMaxLength)) yield return e;
        foreach (var e in Check.Optional(FirstName, "first_name", 50)) yield return e;
        foreach (var e in Check.Optional(LastName, "last_name", 50)) yield return e;
        foreach (var e in Check.Optional(MediaUrl, "media_url", Open311Details.MediaUrlMaxLength)) yield return e;
        if (!IsWebAddress(MediaUrl)) yield return new("media_url", "Validation.Invalid");
        if (Attributes.TryGetValue(KindAttribute, out var kind) && ParseKind(kind) is null)
            yield return new($"attribute[{KindAttribute}]", "Validation.Invalid");
        if (!Attributes.TryGetValue(AreaAttribute, out var area) || string.IsNullOrWhiteSpace(area))
            yield return new($"attribute[{AreaAttribute}]", "Validation.Required");
    }

    /// <summary>Empty, or an absolute http(s) address (a media_url).</summary>
    public static bool IsWebAddress(string? value) =>
        string.IsNullOrWhiteSpace(value)
        || (Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp));

    public static CaseKind? ParseKind(string? value) =>
        Kinds.Cast<CaseKind?>().FirstOrDefault(k => string.Equals(k.ToString(), value?.Trim(), StringComparison.OrdinalIgnoreCase));
}

/// <param name="ServiceNotice">What the client may show the person: when to expect an answer.</param>
public sealed record Open311Receipt(string ServiceRequestId, string Token, string? AccountId, DateTimeOffset? ExpectedAt);

public sealed class SubmitOpen311RequestHandler(FeedbackDbContext db, OrganisationCache organisation, IMediator mediator, ICurrentUser user)
    : ICommandHandler<SubmitOpen311Request, Open311Receipt>
{
    public async ValueTask<Open311Receipt> Handle(SubmitOpen311Request command, CancellationToken cancellationToken)
    {
        var org = await organisation.GetAsync(cancellationToken);
        var code = command.ServiceCode!.Trim();
        var category = org.ActiveCategories.FirstOrDefault(c => string.Equals(c.Code, code, StringComparison.OrdinalIgnoreCase))
            ?? throw new NotFoundException("Api.Open311.ServiceNotFound");
        var areaCode = command.Attributes[SubmitOpen311Request.AreaAttribute].Trim();
        var area = org.ActiveAreas.FirstOrDefault(a => string.Equals(a.Code, areaCode, StringComparison.OrdinalIgnoreCase))
            ?? throw new ValidationException([new($"attribute[{SubmitOpen311Request.AreaAttribute}]", "Validation.Invalid")]);
        var kind = command.Attributes.TryGetValue(SubmitOpen311Request.KindAttribute, out var k) ? SubmitOpen311Request.ParseKind(k)!.Value : CaseKind.Complaint;

        var name = string.Join(' ', new[] { command.FirstName, command.LastName }.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n!.Trim()));
        var description = DescriptionOf(command);
        var receipt = await mediator.Send(new SubmitCase(
            kind, Channel.Open311, category.Id, area.Id, SubjectFrom(description), description,
            IsAnonymous: name.Length == 0,
            ContactName: name.Length == 0 ? null : name,
            ContactPhone: command.Phone,
            ContactEmail: command.Email,
            ContactAddress: null,
            CustomerNumber: null,
            command.Culture,
            command.Photos ?? []), cancellationToken);

        var details = new Open311Details(receipt.CaseId, command.Latitude, command.Longitude, Clean(command.AddressString), Clean(command.AddressId),
            Clean(command.DeviceId), Clean(command.AccountId), Clean(command.MediaUrl), user.ApiKeyId);
        db.Open311Details.Add(details);
        return new Open311Receipt(receipt.TrackingNumber, details.Token, details.AccountId, receipt.ResolveBy);
    }

    /// <summary>The description as sent, then each further attribute as "code: value" lines (so nothing the client sent is lost).</summary>
    internal static string DescriptionOf(SubmitOpen311Request command)
    {
        var lines = new List<string>();
        if (!string.IsNullOrWhiteSpace(command.Description)) lines.Add(command.Description.Trim());
        lines.AddRange(command.Attributes
            .Where(a => a.Key is not SubmitOpen311Request.KindAttribute and not SubmitOpen311Request.AreaAttribute && !string.IsNullOrWhiteSpace(a.Value))
            .Select(a => $"{a.Key}: {a.Value.Trim()}"));
        var text = string.Join('\n', lines);
        return text.Length <= SubmitOpen311Request.DescriptionMaxLength ? text : text[..SubmitOpen311Request.DescriptionMaxLength];
    }

    /// <summary>Open311 has no subject: the first line of the description, shortened, serves as one.</summary>
    internal static string SubjectFrom(string description)
    {
        var firstLine = description.Split('\n', 2)[0].Trim();
        return firstLine.Length <= 80 ? firstLine : firstLine[..79] + "…";
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
