using Workshops.Core.Domain.Common;
using Workshops.Core.Pdf;
using Workshops.Core.Localization;

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
        if (!Enum.IsDefined(paper)) throw new DomainException(Tr.T("Choose A4 or US Letter."), nameof(Paper));
        if (practicalInfo?.Trim().Length > MaxPracticalInfo)
            throw new DomainException(Tr.T("The practical information can be at most {0:N0} characters.", MaxPracticalInfo), nameof(PracticalInfo));
        if (letterhead?.Trim().Length > MaxLetterhead)
            throw new DomainException(Tr.T("The letterhead can be at most {0:N0} characters.", MaxLetterhead), nameof(Letterhead));
        if (signatory?.Trim().Length > MaxSignatory)
            throw new DomainException(Tr.T("Who signs can be at most {0} characters.", MaxSignatory), nameof(Signatory));
        PracticalInfo = Clean(practicalInfo);
        Paper = paper;
        Letterhead = Clean(letterhead);
        Signatory = Clean(signatory);
        UpdatedAt = now;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
