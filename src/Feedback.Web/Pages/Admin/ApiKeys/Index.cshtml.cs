using Feedback.Domain.Api.Commands;
using Feedback.Domain.Api.Queries;
using Feedback.Web.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Feedback.Web.Pages.Admin.ApiKeys;

/// <summary>
/// Keys for partner systems: create one (its secret is shown on this response only, never stored or
/// redirected with), revoke one, and see each key's recent use.
/// </summary>
public sealed class IndexModel(IMediator mediator, IConfiguration configuration) : PageModel, IFormPrefix
{
    public const string RevokedFlag = "Api.Keys.RevokedOk";

    private readonly TimeZoneInfo _timeZone = TimeZoneInfo.FindSystemTimeZoneById(configuration["Feedback:TimeZone"] ?? "Asia/Shanghai");

    public string FormPrefix => "Input";

    [BindProperty] public KeyInput Input { get; set; } = new();

    public ApiKeysOverview Overview { get; private set; } = new([], []);

    /// <summary>The new key's secret, on the response to the POST that made it.</summary>
    public string? CreatedSecret { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Overview = await mediator.Send(new ListApiKeys(), cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Overview = await mediator.Send(new ListApiKeys(), cancellationToken);
        var created = await mediator.Send(new CreateApiKey(Input.Name ?? "", Input.Open311, Input.Hotline, Input.ActingUserEmail), cancellationToken);
        CreatedSecret = created.Secret;
        Overview = await mediator.Send(new ListApiKeys(), cancellationToken);
        ModelState.Clear();
        Input = new KeyInput();
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken cancellationToken)
    {
        if (id == Guid.Empty)
            return NotFound();
        await mediator.Send(new RevokeApiKey(id), cancellationToken);
        TempData[RevokedFlag] = true;
        return RedirectToPage();
    }

    public string Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, _timeZone).ToString("yyyy-MM-dd HH:mm:ss");

    public sealed class KeyInput
    {
        public string? Name { get; set; }
        public bool Open311 { get; set; }
        public bool Hotline { get; set; }
        public string? ActingUserEmail { get; set; }
    }
}
