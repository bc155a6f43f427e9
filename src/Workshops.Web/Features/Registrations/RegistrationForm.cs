using System.ComponentModel.DataAnnotations;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Domain.Registrations;

namespace Workshops.Web.Features.Registrations;

/// <summary>The registration form as posted: the fixed fields, the consents, and the organiser's questions.</summary>
public sealed class RegistrationForm
{
    [Required(ErrorMessage = "Give your name.")]
    [StringLength(RegistrationDetails.MaxName, ErrorMessage = "Your name can be at most {1} characters.")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Give your email address.")]
    [StringLength(RegistrationDetails.MaxEmail, ErrorMessage = "An email address can be at most {1} characters.")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Give your institution.")]
    [StringLength(RegistrationDetails.MaxInstitution, ErrorMessage = "Your institution can be at most {1} characters.")]
    public string Institution { get; set; } = "";

    [Required(ErrorMessage = "Choose your country.")]
    [StringLength(RegistrationDetails.MaxCountry, ErrorMessage = "Your country can be at most {1} characters.")]
    public string Country { get; set; } = "";

    [StringLength(RegistrationDetails.MaxRole, ErrorMessage = "Your role can be at most {1} characters.")]
    public string? Role { get; set; }

    public Guid? TrackId { get; set; }
    public bool AcceptsPrivacy { get; set; }
    public bool ListPublicly { get; set; }
    public bool PhotosAllowed { get; set; }
    public bool WantsLetter { get; set; }

    [StringLength(RegistrationDetails.MaxNationality, ErrorMessage = "Your nationality can be at most {1} characters.")]
    public string? PassportNationality { get; set; }

    /// <summary>Per question, the answer; a multiple-choice question posts one value per ticked choice.</summary>
    public Dictionary<Guid, List<string>> Answers { get; set; } = [];

    public RegistrationDetails ToDetails() => new(Name, Email, Institution, Country, Role, TrackId, AcceptsPrivacy, ListPublicly, WantsLetter, PassportNationality, PhotosAllowed);

    public IReadOnlyDictionary<Guid, IReadOnlyList<string>> ToAnswers() =>
        Answers.ToDictionary(a => a.Key, a => (IReadOnlyList<string>)a.Value.Where(v => v is not null).ToList());

    /// <summary>A new registration, filled in from the person's profile.</summary>
    public static RegistrationForm For(AppUser user) =>
        new() { Name = user.DisplayName, Email = user.Email ?? "", Institution = user.Institution ?? "", Country = user.Country ?? "" };

    public static RegistrationForm From(Registration r) => new()
    {
        Name = r.Name,
        Email = r.Email,
        Institution = r.Institution,
        Country = r.Country,
        Role = r.Role,
        TrackId = r.TrackId,
        AcceptsPrivacy = true,
        ListPublicly = r.ListPublicly,
        PhotosAllowed = r.PhotosAllowed,
        WantsLetter = r.WantsLetter,
        PassportNationality = r.PassportNationality,
        Answers = r.Answers.ToDictionary(a => a.QuestionId, a => a.Value.Split('\n').ToList()),
    };

    public IReadOnlyList<string> AnswerTo(Guid questionId) => Answers.GetValueOrDefault(questionId) ?? [];

    /// <summary>Where a domain message about <paramref name="field"/> shows on this form.</summary>
    public static string Key(string? field) => field switch
    {
        null or "" => "",
        _ when Guid.TryParse(field, out var id) => $"Input.Answers[{id}]",
        _ => "Input." + field,
    };
}
