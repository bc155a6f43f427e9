using Workshops.Core.Domain.Common;
using Workshops.Core.Pdf;

namespace Workshops.Core.Domain.Packs;

/// <summary>What organisers write once for every attendee's pack: the practical information and the paper it is printed on.</summary>
public sealed class PackSettings
{
    public const int MaxPracticalInfo = 20_000;

    public Guid WorkshopId { get; private set; }
    /// <summary>Markdown: venue, address, travel, Wi-Fi, emergency contacts.</summary>
    public string? PracticalInfo { get; private set; }
    public PaperSize Paper { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    private PackSettings() { }

    public static PackSettings For(Guid workshopId, DateTimeOffset now) => new() { WorkshopId = workshopId, Paper = PaperSize.A4, UpdatedAt = now };

    public void Change(string? practicalInfo, PaperSize paper, DateTimeOffset now)
    {
        if (!Enum.IsDefined(paper)) throw new DomainException("Choose A4 or US Letter.", nameof(Paper));
        if (practicalInfo?.Trim().Length > MaxPracticalInfo)
            throw new DomainException($"The practical information can be at most {MaxPracticalInfo:N0} characters.", nameof(PracticalInfo));
        PracticalInfo = string.IsNullOrWhiteSpace(practicalInfo) ? null : practicalInfo.Trim();
        Paper = paper;
        UpdatedAt = now;
    }
}
