using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Cases;

/// <summary>
/// What a person without an account (or not signed in) holds to act on a case as its submitter: tracking
/// numbers with the access PINs they typed. The web edge remembers them for a short while in an encrypted
/// cookie; every handler checks the PIN against the case's stored hash itself, so a proof never grants more
/// than typing the PIN again would. A signed-in submitter needs no proof (see <see cref="CaseAccess"/>).
/// </summary>
public sealed class SubmitterProof
{
    public static readonly SubmitterProof None = new(new Dictionary<string, string>());

    private readonly IReadOnlyDictionary<string, string> _pinsByTrackingNumber;

    public SubmitterProof(IReadOnlyDictionary<string, string> pinsByTrackingNumber) =>
        _pinsByTrackingNumber = pinsByTrackingNumber.ToDictionary(kv => TrackingNumber.Normalise(kv.Key), kv => kv.Value);

    public static SubmitterProof Pin(string trackingNumber, string pin) =>
        new(new Dictionary<string, string> { [trackingNumber] = pin });

    public IReadOnlyCollection<string> TrackingNumbers => _pinsByTrackingNumber.Keys.ToList();

    public bool Proves(Guid caseId, string trackingNumber, string accessPinHash) =>
        _pinsByTrackingNumber.TryGetValue(trackingNumber, out var pin) && AccessPin.Verify(caseId, pin, accessPinHash);

    public bool Proves(Case @case) => Proves(@case.Id, @case.TrackingNumber, @case.AccessPinHash);
}

/// <summary>The first step of every submitter command: find the case and who the caller is on it.</summary>
public static class SubmitterCaseLoader
{
    /// <summary>
    /// Loads the case (with its attachments) for a change. A case the caller may not see — unknown, someone
    /// else's, or a wrong or expired PIN — is "not found", so that an id or tracking number alone reveals nothing.
    /// </summary>
    public static async Task<(Case Case, CaseParticipant Who)> LoadForSubmitterAsync(this FeedbackDbContext db,
        Guid caseId, SubmitterProof proof, ICurrentUser user, CancellationToken cancellationToken)
    {
        var @case = await db.Cases.Include(c => c.Attachments).FirstOrDefaultAsync(c => c.Id == caseId, cancellationToken)
            ?? throw new NotFoundException();
        var who = CaseAccess.For(user, @case, proof.Proves(@case));
        if (!who.CanSee) throw new NotFoundException();
        // Someone proving the case by its PIN has no account name: they act under the name they filed with,
        // as filing records it (none for an anonymous case).
        if (who.Is(Actor.Submitter) && who.Name.Length == 0 && !@case.IsAnonymous && @case.Contact.Name is { Length: > 0 } name)
            who = who with { Name = name };
        return (@case, who);
    }
}
