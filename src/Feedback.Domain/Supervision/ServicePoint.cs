using Feedback.Domain.Organisation;

namespace Feedback.Domain.Supervision;

public enum ServicePointKind { BusinessHall, PaymentPoint }

/// <summary>营业厅 or 收费网点: a place customers are served, which reviews (and cases) can name.</summary>
public sealed class ServicePoint : NamedEntity
{
    public const int AddressMaxLength = 300;

    private ServicePoint() { }

    public ServicePoint(string code, string nameZh, string nameEn, ServicePointKind kind, Guid serviceAreaId, string address, int sortOrder = 0)
    {
        Code = code; NameZh = nameZh.Trim(); NameEn = nameEn.Trim(); Kind = kind; ServiceAreaId = serviceAreaId; Address = address.Trim(); SortOrder = sortOrder;
    }

    public ServicePointKind Kind { get; private set; }
    public Guid ServiceAreaId { get; private set; }
    public string Address { get; private set; } = "";

    public void Update(string nameZh, string nameEn, ServicePointKind kind, Guid serviceAreaId, string address, int sortOrder, bool isActive)
    {
        Rename(nameZh, nameEn);
        Kind = kind;
        ServiceAreaId = serviceAreaId;
        Address = address.Trim();
        MoveTo(sortOrder);
        SetActive(isActive);
    }
}

/// <summary>
/// A dimension reviews are scored on (服务态度, 办事效率 …). Scores refer to it by id, so renaming keeps
/// history; a dimension in use is retired (inactive), never deleted.
/// </summary>
public sealed class ReviewDimension : NamedEntity
{
    private ReviewDimension() { }

    public ReviewDimension(string code, string nameZh, string nameEn, int sortOrder = 0)
    {
        Code = code; NameZh = nameZh.Trim(); NameEn = nameEn.Trim(); SortOrder = sortOrder;
    }
}
