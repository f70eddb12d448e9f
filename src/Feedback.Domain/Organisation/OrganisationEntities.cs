using Feedback.Domain.Common;

namespace Feedback.Domain.Organisation;

/// <summary>Something with a stable code and a name in each language (zh-CN and en).</summary>
public abstract class NamedEntity : Entity
{
    public string Code { get; protected set; } = "";
    public string NameZh { get; protected set; } = "";
    public string NameEn { get; protected set; } = "";
    public bool IsActive { get; protected set; } = true;
    public int SortOrder { get; protected set; }

    public string Name(string culture) => culture.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? NameEn : NameZh;

    public void Rename(string nameZh, string nameEn)
    {
        NameZh = nameZh.Trim();
        NameEn = nameEn.Trim();
    }

    public void SetActive(bool active) => IsActive = active;

    public void MoveTo(int sortOrder) => SortOrder = sortOrder;
}

/// <summary>责任部门: owns cases.</summary>
public sealed class Department : NamedEntity
{
    private Department() { }

    public Department(string code, string nameZh, string nameEn, bool isIntegrityOffice = false, int sortOrder = 0)
    {
        Code = code; NameZh = nameZh; NameEn = nameEn; IsIntegrityOffice = isIntegrityOffice; SortOrder = sortOrder;
    }

    /// <summary>纪检监察室: receives every misconduct report, whatever the routing rules say.</summary>
    public bool IsIntegrityOffice { get; private set; }

    public void MarkIntegrityOffice(bool value) => IsIntegrityOffice = value;
}

/// <summary>业务分类: what a case is about.</summary>
public sealed class Category : NamedEntity
{
    private Category() { }

    public Category(string code, string nameZh, string nameEn, int sortOrder = 0)
    {
        Code = code; NameZh = nameZh; NameEn = nameEn; SortOrder = sortOrder;
    }
}

/// <summary>服务区域: the county or district served.</summary>
public sealed class ServiceArea : NamedEntity
{
    private ServiceArea() { }

    public ServiceArea(string code, string nameZh, string nameEn, int sortOrder = 0, AreaType areaType = AreaType.Urban)
    {
        Code = code; NameZh = nameZh; NameEn = nameEn; SortOrder = sortOrder; AreaType = areaType;
    }

    /// <summary>城区 / 农村 / 特殊边远: selects SLA policies and outage commitments.</summary>
    public AreaType AreaType { get; private set; } = AreaType.Urban;

    public void SetAreaType(AreaType areaType) => AreaType = areaType;
}
