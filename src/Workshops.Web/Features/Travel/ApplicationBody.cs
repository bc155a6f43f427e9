using Workshops.Core.Domain.Registrations;
using Workshops.Core.Domain.Travel;

namespace Workshops.Web.Features.Travel;

/// <summary>What an application says (partial _ApplicationBody): for its applicant, organisers and reviewers.</summary>
/// <param name="ForApplicant">The applicant reads it: in their own words ("What you asked for"), with their answer on gender.</param>
public sealed record ApplicationBody(TravelApplication Application, TravelFund Fund, Registration Registration, bool ForApplicant);
