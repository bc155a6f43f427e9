using Workshops.Core.Domain.Agenda;
using Workshops.Core.Domain.Workshops;
using Workshops.Core.Pdf;
using Workshops.Core.Localization;

namespace Workshops.Core.Domain.Packs;

/// <summary>What every pack of one workshop shares: read once per batch, then used for each attendee's PDF.</summary>
/// <param name="Images">Bytes of an image the practical information names by address, when the site holds it.</param>
public sealed record PackContent(
    string SiteName,
    Workshop Workshop,
    AgendaSnapshot Agenda,
    int AgendaVersion,
    LocalText? PracticalInfo,
    IReadOnlyList<PackParticipant> Participants,
    PaperSize Paper,
    DateTimeOffset BuiltAt,
    Func<string, byte[]?>? Images = null,
    LocalText? Letterhead = null,
    LocalText? Signatory = null,
    bool LettersInEnglish = false)
{
    // The organisers' texts in the language of the document being written (see Tr.Use); null when none is written.
    public string? PracticalInfoText => Written(PracticalInfo);
    public string? LetterheadText => Written(Letterhead);
    public string? SignatoryText => Written(Signatory);

    private static string? Written(LocalText? text) => text?.ToString() is { Length: > 0 } written ? written : null;
}

/// <summary>Someone on the participant list: only those who agreed to be listed. The country is a code, named in the reader's language.</summary>
public sealed record PackParticipant(string Name, string Institution, string Country);

/// <summary>The one attendee a pack is for; their pack and badge are written in <paramref name="Language"/>, the one they registered in.</summary>
public sealed record PackAttendee(Guid RegistrationId, string Name, string Institution, string Country, Guid? TrackId, string? TrackName,
    string CheckInCode, IReadOnlySet<Guid> Starred, string Language = "en");
