using System.ComponentModel.DataAnnotations;
using Workshops.Core.Data;
using Workshops.Core.Domain.Workshops;

namespace Workshops.Web.Features.Organise;

/// <summary>The workshop form as the browser posts it; times are wall-clock times in the chosen zone.</summary>
public sealed class WorkshopForm
{
    /// <summary>The workshop's version when the form was drawn (see Versions); empty for a new one.</summary>
    public long? Version { get; set; }

    [Required(ErrorMessage = "Give the workshop a title.")]
    [StringLength(WorkshopDetails.MaxTitle, MinimumLength = 3, ErrorMessage = "The title needs 3 to {1} characters.")]
    public string Title { get; set; } = "";

    [Required(ErrorMessage = "Choose the address name, like 2026-madrid.")]
    [StringLength(WorkshopDetails.MaxSlug, ErrorMessage = "The address name can be at most {1} characters.")]
    [RegularExpression("^[a-z0-9]+(?:-[a-z0-9]+)*$", ErrorMessage = "Use lower-case letters, digits and single dashes, like 2026-madrid.")]
    [Display(Name = "Address name")]
    public string Slug { get; set; } = "";

    [Required(ErrorMessage = "Enter the year.")]
    [Range(1990, 2200, ErrorMessage = "The year must be between 1990 and 2200.")]
    public int? Year { get; set; }

    [Required(ErrorMessage = "Enter when the workshop starts.")]
    [Display(Name = "Starts")]
    public DateTime? StartsLocal { get; set; }

    [Required(ErrorMessage = "Enter when the workshop ends.")]
    [Display(Name = "Ends")]
    public DateTime? EndsLocal { get; set; }

    [Required(ErrorMessage = "Choose the time zone of the venue.")]
    [Display(Name = "Time zone")]
    public string TimeZoneId { get; set; } = "UTC";

    public WorkshopFormat Format { get; set; } = WorkshopFormat.InPerson;

    [StringLength(WorkshopDetails.MaxVenue, ErrorMessage = "The venue can be at most {1} characters.")]
    public string? Venue { get; set; }

    [StringLength(WorkshopDetails.MaxAddress, ErrorMessage = "The address can be at most {1} characters.")]
    public string? Address { get; set; }

    [StringLength(WorkshopDetails.MaxCity, ErrorMessage = "The city can be at most {1} characters.")]
    public string? City { get; set; }

    [StringLength(WorkshopDetails.MaxCountry, ErrorMessage = "The country can be at most {1} characters.")]
    public string? Country { get; set; }

    [StringLength(WorkshopDetails.MaxDescription, ErrorMessage = "The description can be at most {1:N0} characters.")]
    public string? Description { get; set; }

    [StringLength(WorkshopDetails.MaxVenueNotes, ErrorMessage = "The notes on the venue can be at most {1:N0} characters.")]
    public string? VenueNotes { get; set; }

    /// <summary>The language the title and description above are written in: the workshop's own, which other readers fall back to.</summary>
    public string Language { get; set; } = "en";

    /// <summary>The title and description in the site's other languages, by language code; blank ones are left out.</summary>
    public Dictionary<string, TranslationForm> Translations { get; set; } = [];

    public List<TrackForm> Tracks { get; set; } = [];

    public WorkshopDetails ToDetails() => new(Title, Slug, Year ?? 0, StartsLocal ?? default, EndsLocal ?? default, TimeZoneId, Format,
        Venue, Address, City, Country, Description, Language,
        Translations.Where(t => t.Key != Language && t.Value is not null).ToDictionary(t => t.Key, t => new WorkshopTranslation(t.Value.Title, t.Value.Description, t.Value.VenueNotes)),
        VenueNotes);

    /// <summary>Blank rows (the spare ones the form offers) and rows marked for removal drop out.</summary>
    public IEnumerable<TrackDetails> ToTracks() => Tracks
        .Where(t => !t.Remove && !(string.IsNullOrWhiteSpace(t.Name) && t.Capacity is null))
        .Select(t => new TrackDetails(t.Id, t.Name ?? "", t.Description, t.Capacity ?? 0));

    public static WorkshopForm From(Workshop w) => new()
    {
        Version = Versions.Of(w.UpdatedAt),
        Title = w.Title.Default,
        Language = w.Language,
        Translations = w.Title.Languages.Concat(w.Description?.Languages ?? []).Concat(w.VenueNotes?.Languages ?? []).Where(l => l != w.Language).Distinct()
            .ToDictionary(l => l, l => new TranslationForm { Title = w.Title.Exactly(l), Description = w.Description?.Exactly(l), VenueNotes = w.VenueNotes?.Exactly(l) }),
        Slug = w.Slug,
        Year = w.Year,
        StartsLocal = w.StartsLocal.DateTime,
        EndsLocal = w.EndsLocal.DateTime,
        TimeZoneId = w.TimeZoneId,
        Format = w.Format,
        Venue = w.Venue,
        Address = w.Address,
        City = w.City,
        Country = w.Country,
        Description = w.Description?.Exactly(w.Language),
        VenueNotes = w.VenueNotes?.Exactly(w.Language),
        Tracks = w.Tracks.OrderBy(t => t.Position)
            .Select(t => new TrackForm { Id = t.Id, Name = t.Name, Description = t.Description, Capacity = t.Capacity }).ToList(),
    };

    /// <summary>Spare empty rows so an organiser can add tracks without script.</summary>
    public WorkshopForm WithSpareRows(int spare = 2)
    {
        for (var i = 0; i < spare; i++) Tracks.Add(new TrackForm());
        return this;
    }
}

/// <summary>The workshop's title, description and notes on the venue in one more language.</summary>
public sealed class TranslationForm
{
    [StringLength(WorkshopDetails.MaxTitle, ErrorMessage = "The title can be at most {1} characters.")]
    public string? Title { get; set; }

    [StringLength(WorkshopDetails.MaxDescription, ErrorMessage = "The description can be at most {1:N0} characters.")]
    public string? Description { get; set; }

    [StringLength(WorkshopDetails.MaxVenueNotes, ErrorMessage = "The notes on the venue can be at most {1:N0} characters.")]
    public string? VenueNotes { get; set; }
}

public sealed class TrackForm
{
    public Guid? Id { get; set; }

    [StringLength(TrackDetails.MaxName, ErrorMessage = "A track name can be at most {1} characters.")]
    public string? Name { get; set; }

    [StringLength(TrackDetails.MaxDescription, ErrorMessage = "A track description can be at most {1:N0} characters.")]
    public string? Description { get; set; }

    [Range(1, 10_000, ErrorMessage = "Seats must be between 1 and 10,000.")]
    public int? Capacity { get; set; }

    public bool Remove { get; set; }
}
