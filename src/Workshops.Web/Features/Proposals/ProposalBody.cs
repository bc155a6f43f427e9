namespace Workshops.Web.Features.Proposals;

/// <summary>What the proposal body partial shows: the proposal as its reader may see it, and the names it needs.</summary>
public sealed record ProposalBody(ProposalView View, string ProposerName, string? SessionWorkshopTitle, string? TrackName);
