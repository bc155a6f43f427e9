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
    /// <summary>Markdown: venue, address, travel, Wi-Fi, emergency contacts; in the workshop's languages.</summary>
    public LocalText? PracticalInfo { get; private set; }
    public PaperSize Paper { get; private set; }
    /// <summary>The top of invitation letters and certificates: who invites, their address and contacts, a line each.</summary>
    public LocalText? Letterhead { get; private set; }
    /// <summary>Who signs letters and certificates: "Ana Souza, chair of the organising committee".</summary>
    public LocalText? Signatory { get; private set; }
    /// <summary>Invitation letters in English whatever the participant's language: some consulates want English.</summary>
    public bool LettersInEnglish { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    private PackSettings() { }

    public static PackSettings For(Guid workshopId, DateTimeOffset now) => new() { WorkshopId = workshopId, Paper = PaperSize.A4, UpdatedAt = now };

    public void Change(PackTexts texts, PaperSize paper, bool lettersInEnglish, DateTimeOffset now)
    {
        if (!Enum.IsDefined(paper)) throw new DomainException(Tr.T("Choose A4 or US Letter."), nameof(Paper));
        if (TooLong(texts.PracticalInfo, MaxPracticalInfo))
            throw new DomainException(Tr.T("The practical information can be at most {0:N0} characters.", MaxPracticalInfo), nameof(PracticalInfo));
        if (TooLong(texts.Letterhead, MaxLetterhead))
            throw new DomainException(Tr.T("The letterhead can be at most {0:N0} characters.", MaxLetterhead), nameof(Letterhead));
        if (TooLong(texts.Signatory, MaxSignatory))
            throw new DomainException(Tr.T("Who signs can be at most {0} characters.", MaxSignatory), nameof(Signatory));
        PracticalInfo = Clean(texts.PracticalInfo);
        Paper = paper;
        Letterhead = Clean(texts.Letterhead);
        Signatory = Clean(texts.Signatory);
        LettersInEnglish = lettersInEnglish;
        UpdatedAt = now;
    }

    private static bool TooLong(LocalText? text, int max) => text?.Values.Any(v => v.Value.Trim().Length > max) == true;

    // Nothing written in any language is no text at all, so the pack leaves the section out and letters use their defaults.
    private static LocalText? Clean(LocalText? text) => text is null || text.Values.All(v => string.IsNullOrWhiteSpace(v.Value)) ? null : text;
}

/// <summary>The pack's texts as organisers write them, each in the workshop's language first and then in others.</summary>
public sealed record PackTexts(LocalText? PracticalInfo, LocalText? Letterhead, LocalText? Signatory)
{
    /// <summary>From the fields of a form: the workshop's language's, then each other language's by code.</summary>
    public static PackTexts Of(string language, string? practicalInfo, string? letterhead, string? signatory,
        IReadOnlyDictionary<string, PackTranslation>? translations = null)
    {
        var others = translations ?? new Dictionary<string, PackTranslation>();
        LocalText Text(string? first, Func<PackTranslation, string?> pick) =>
            LocalText.Of(language, [new(language, first), .. others.Select(t => new KeyValuePair<string, string?>(t.Key, pick(t.Value)))]);
        return new(Text(practicalInfo, t => t.PracticalInfo), Text(letterhead, t => t.Letterhead), Text(signatory, t => t.Signatory));
    }
}

/// <summary>The pack's texts in one more language than the workshop's own.</summary>
public sealed record PackTranslation(string? PracticalInfo, string? Letterhead, string? Signatory);
