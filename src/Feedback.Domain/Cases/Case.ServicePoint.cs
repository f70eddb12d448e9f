namespace Feedback.Domain.Cases;

public sealed partial class Case
{
    /// <summary>The service point (营业厅, 收费网点) the case is about, if any (a supervisor's finding names the one reviewed).</summary>
    public Guid? ServicePointId { get; private set; }

    public void AboutServicePoint(Guid? servicePointId) => ServicePointId = servicePointId;
}
