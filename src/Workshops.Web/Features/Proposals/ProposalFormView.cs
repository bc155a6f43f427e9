using Workshops.Core.Domain.Proposals;

namespace Workshops.Web.Features.Proposals;

/// <summary>What the proposal fields partial needs: the form, its call, and whether the deadline has passed.</summary>
public sealed record ProposalFormView(ProposalForm Form, Call Call, bool Late);
