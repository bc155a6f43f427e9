using Microsoft.AspNetCore.Identity;
namespace Workshops.Core.Domain.Proposals;

/// <summary>An organiser asked this reviewer to review this proposal (calls whose reviewers are assigned).</summary>
public sealed class ReviewerAssignment
{
    public Guid ProposalId { get; private set; }
    [PersonalData] public string ReviewerId { get; private set; } = "";
    public DateTimeOffset AssignedAt { get; private set; }

    private ReviewerAssignment() { }

    public ReviewerAssignment(Guid proposalId, string reviewerId, DateTimeOffset at) =>
        (ProposalId, ReviewerId, AssignedAt) = (proposalId, reviewerId, at);
}
