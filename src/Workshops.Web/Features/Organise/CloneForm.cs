using System.ComponentModel.DataAnnotations;
using Workshops.Core.Domain.Workshops;

namespace Workshops.Web.Features.Organise;

public sealed class CloneForm
{
    [Required(ErrorMessage = "Give the new workshop a title.")]
    [StringLength(WorkshopDetails.MaxTitle, MinimumLength = 3, ErrorMessage = "The title needs 3 to {1} characters.")]
    public string Title { get; set; } = "";

    [Required(ErrorMessage = "Choose the address name, like 2027-madrid.")]
    [StringLength(WorkshopDetails.MaxSlug, ErrorMessage = "The address name can be at most {1} characters.")]
    [RegularExpression("^[a-z0-9]+(?:-[a-z0-9]+)*$", ErrorMessage = "Use lower-case letters, digits and single dashes, like 2027-madrid.")]
    [Display(Name = "Address name")]
    public string Slug { get; set; } = "";

    [Required(ErrorMessage = "Enter the year.")]
    [Range(1990, 2200, ErrorMessage = "The year must be between 1990 and 2200.")]
    public int? Year { get; set; }

    [Required(ErrorMessage = "Enter when the new workshop starts.")]
    [Display(Name = "Starts")]
    public DateTime? StartsLocal { get; set; }
}
