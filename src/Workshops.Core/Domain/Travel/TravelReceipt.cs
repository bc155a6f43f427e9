using Microsoft.AspNetCore.Identity;

namespace Workshops.Core.Domain.Travel;

/// <summary>A receipt an awardee uploaded (a PDF or a photo), for one of the costs awarded or for the award as a whole.</summary>
public sealed class TravelReceipt
{
    public const int MaxPerApplication = 30;
    public const int MaxFileName = 200;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid ApplicationId { get; private set; }
    /// <summary>The cost it is for; null for one that covers several.</summary>
    public CostKind? Kind { get; private set; }
    [PersonalData] public string FileName { get; private set; } = "";
    public string FileHash { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long Length { get; private set; }
    public DateTimeOffset UploadedAt { get; private set; }

    private TravelReceipt() { }

    public TravelReceipt(Guid applicationId, CostKind? kind, string fileName, string fileHash, string contentType, long length, DateTimeOffset at)
    {
        (ApplicationId, Kind, FileHash, ContentType, Length, UploadedAt) = (applicationId, kind, fileHash, contentType, length, at);
        var name = Path.GetFileName(fileName).Trim();
        FileName = name.Length > MaxFileName ? name[^MaxFileName..] : name;
    }

    /// <summary>The applicant's account is deleted but the receipt stays for the accounts: its name (often theirs) goes.</summary>
    public void Anonymise() => FileName = "receipt" + Path.GetExtension(FileName).ToLowerInvariant();
}
