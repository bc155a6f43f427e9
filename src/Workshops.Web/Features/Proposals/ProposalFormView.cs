using Workshops.Core.Domain.Proposals;

namespace Workshops.Web.Features.Proposals;

/// <summary>What the proposal fields partial needs: the form, its call, whether the deadline has passed, and the call's track names.</summary>
public sealed record ProposalFormView(ProposalForm Form, Call Call, bool Late, IReadOnlyDictionary<Guid, string> TrackNames);
