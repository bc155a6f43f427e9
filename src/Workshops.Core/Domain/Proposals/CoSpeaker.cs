using Microsoft.AspNetCore.Identity;
using Workshops.Core.Domain.Common;

namespace Workshops.Core.Domain.Proposals;

public enum CoSpeakerStatus
{
    /// <summary>Listed on a draft; invited when the proposal is submitted.</summary>
    NotInvited,
    Invited,
    Confirmed,
    Declined,
    /// <summary>Taken off the list after being invited. Kept, so adding them back restores the link they had instead of emailing again.</summary>
    Removed,
}

/// <summary>
/// Someone the proposer names as presenting with them, by email. They are invited to confirm through a private link;
/// only the link's hash is stored, so the table does not hold working links.
/// </summary>
public sealed class CoSpeaker
{
    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid ProposalId { get; private set; }
    [PersonalData] public string Name { get; internal set; } = "";
    [PersonalData] public string Email { get; private set; } = "";
    public CoSpeakerStatus Status { get; private set; }
    public string? TokenHash { get; private set; }
    public DateTimeOffset? InvitedAt { get; private set; }
    public DateTimeOffset? RespondedAt { get; private set; }
    /// <summary>The account that answered the invitation, when they were signed in.</summary>
    [PersonalData] public string? UserId { get; private set; }
    public int Position { get; internal set; }

    private CoSpeaker() { }

    internal CoSpeaker(Guid proposalId, string name, string email, int position) =>
        (ProposalId, Name, Email, Position) = (proposalId, name, email, position);

    /// <summary>Makes the private link's token; returns it once, to be emailed.</summary>
    internal string Invite(DateTimeOffset now)
    {
        (var token, TokenHash) = PrivateLink.New();
        InvitedAt = now;
        Status = CoSpeakerStatus.Invited;
        return token;
    }

    /// <summary>Off the proposal's list; an invited co-speaker keeps their row so nobody is invited twice.</summary>
    internal void Remove() => Status = CoSpeakerStatus.Removed;

    /// <summary>Back on the list: they answer again from the link they already have, with no new email.</summary>
    internal void Restore() => Status = CoSpeakerStatus.Invited;

    internal void Respond(bool confirm, string? userId, DateTimeOffset now)
    {
        Status = confirm ? CoSpeakerStatus.Confirmed : CoSpeakerStatus.Declined;
        RespondedAt = now;
        UserId = userId ?? UserId;
    }

    internal void Erase()
    {
        Name = Privacy.Erasure.Label;
        Email = Privacy.Erasure.Address(Id);
        UserId = null;
        TokenHash = null;
    }

    public static string Hash(string token) => PrivateLink.Hash(token);
}

/// <summary>An invitation to send: the co-speaker and the token of their private link.</summary>
public sealed record CoSpeakerInvitation(CoSpeaker Speaker, string Token);
