using Workshops.Core.Domain.Common;
using Workshops.Core.Pdf;

namespace Workshops.Core.Domain.Packs;

/// <summary>What organisers write once for every attendee's pack: the practical information and the paper it is printed on.</summary>
public sealed class PackSettings
{
    public const int MaxPracticalInfo = 20_000;
    public const int MaxLetterhead = 1_000;
    public const int MaxSignatory = 200;

    public Guid WorkshopId { get; private set; }
    /// <summary>Markdown: venue, address, travel, Wi-Fi, emergency contacts.</summary>
    public string? PracticalInfo { get; private set; }
    public PaperSize Paper { get; private set; }
    /// <summary>The top of invitation letters and certificates: who invites, their address and contacts, a line each.</summary>
    public string? Letterhead { get; private set; }
    /// <summary>Who signs letters and certificates: "Ana Souza, chair of the organising committee".</summary>
    public string? Signatory { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    private PackSettings() { }

    public static PackSettings For(Guid workshopId, DateTimeOffset now) => new() { WorkshopId = workshopId, Paper = PaperSize.A4, UpdatedAt = now };

    public void Change(string? practicalInfo, PaperSize paper, string? letterhead, string? signatory, DateTimeOffset now)
    {
        if (!Enum.IsDefined(paper)) throw new DomainException("Choose A4 or US Letter.", nameof(Paper));
        if (practicalInfo?.Trim().Length > MaxPracticalInfo)
            throw new DomainException($"The practical information can be at most {MaxPracticalInfo:N0} characters.", nameof(PracticalInfo));
        if (letterhead?.Trim().Length > MaxLetterhead)
            throw new DomainException($"The letterhead can be at most {MaxLetterhead:N0} characters.", nameof(Letterhead));
        if (signatory?.Trim().Length > MaxSignatory)
            throw new DomainException($"Who signs can be at most {MaxSignatory} characters.", nameof(Signatory));
        PracticalInfo = Clean(practicalInfo);
        Paper = paper;
        Letterhead = Clean(letterhead);
        Signatory = Clean(signatory);
        UpdatedAt = now;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
