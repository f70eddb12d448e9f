using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Feedback.Domain.Common;
using Feedback.Domain.Identity;
using Feedback.Domain.Identity.Commands;
using Feedback.Domain.Identity.Queries;
using Feedback.Web.Infrastructure.Identity;
using Feedback.Web.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Feedback.Web.Pages.Account.Manage;

/// <summary>My account: name and language, links to password, two-factor, data download and (customers) deletion.</summary>
[Authorize]
public sealed class IndexModel(IMediator mediator, UserManager<User> users, SignInManager<User> signIn, ICurrentUser current) : PageModel, IFormPrefix
{
    private static readonly JsonSerializerOptions ExportJson = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        // Keep Chinese text readable in the file instead of \uXXXX escapes.
        Encoder = JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    public string FormPrefix => "Input";

    [BindProperty] public ProfileInput Input { get; set; } = new();
    public string Email { get; private set; } = "";
    public bool TwoFactorEnabled { get; private set; }
    public bool CanDelete => DeleteOwnAccount.CanDelete(current);
    [FromQuery] public bool Saved { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await LoadAsync();
        Input = new ProfileInput { DisplayName = user.DisplayName, Culture = user.PreferredCulture };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync();
        await mediator.Send(new UpdateMyProfile(Input.DisplayName ?? "", Input.Culture ?? ""), cancellationToken);
        var user = await users.GetUserAsync(User) ?? throw new NotFoundException();
        await signIn.RefreshSignInAsync(user); // the display name is in the cookie
        Response.RememberCulture(user.PreferredCulture);
        return RedirectToPage(new { saved = true });
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken)
    {
        var data = await mediator.Send(new ExportMyData(), cancellationToken);
        return File(JsonSerializer.SerializeToUtf8Bytes(data, ExportJson), "application/json", "feedback-my-data.json");
    }

    private async Task<User> LoadAsync()
    {
        var user = await users.GetUserAsync(User) ?? throw new NotFoundException();
        Email = user.Email ?? "";
        TwoFactorEnabled = user.TwoFactorEnabled;
        return user;
    }

    public sealed class ProfileInput
    {
        public string? DisplayName { get; set; }
        public string? Culture { get; set; } = "zh-CN";
    }
}
