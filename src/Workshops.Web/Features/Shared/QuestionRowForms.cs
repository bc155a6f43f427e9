using System.ComponentModel.DataAnnotations;
using Workshops.Core.Domain.Proposals;

namespace Workshops.Web.Features.Shared;

/// <summary>A free-text question row of a call or a travel fund, as posted; a null id adds one.</summary>
public sealed class QuestionForm
{
    public Guid? Id { get; set; }

    [StringLength(QuestionDetails.MaxText, ErrorMessage = "A question can be at most {1:N0} characters.")]
    public string? Text { get; set; }

    public bool Required { get; set; }
    public bool Remove { get; set; }
}

/// <summary>A review criterion row of a call or a travel fund, as posted; a null id adds one.</summary>
public sealed class CriterionForm
{
    public Guid? Id { get; set; }

    [StringLength(CriterionDetails.MaxName, ErrorMessage = "A criterion name can be at most {1} characters.")]
    public string? Name { get; set; }

    [StringLength(CriterionDetails.MaxDescription, ErrorMessage = "A criterion's description can be at most {1} characters.")]
    public string? Description { get; set; }

    [Range(1, 10, ErrorMessage = "A weight is from 1 to 10.")]
    public int? Weight { get; set; }

    public bool Remove { get; set; }
}
