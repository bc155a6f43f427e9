using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workshops.Core.Domain.Proposals;
using Workshops.Core.Domain.Workshops;
using Workshops.Core.Email.Editable;

namespace Workshops.Core.Data;

internal sealed class CallConfiguration : IEntityTypeConfiguration<Call>
{
    public void Configure(EntityTypeBuilder<Call> b)
    {
        // Two organisers may edit it at once: a save from a stale form fails instead of overwriting (see Versions).
        b.Property(x => x.UpdatedAt).IsConcurrencyToken();
        b.Property(c => c.Id).ValueGeneratedNever();
        b.Property(c => c.Title).IsLocalText();
        b.Property(c => c.Description).IsOptionalLocalText();
        b.Ignore(c => c.Language);
        b.Property(c => c.TimeZoneId).HasMaxLength(64);
        b.Property(c => c.LateAccessCode).HasMaxLength(CallDetails.MaxLateAccessCode);
        b.HasIndex(c => new { c.Kind, c.Year });
        b.HasOne<Workshop>().WithMany().HasForeignKey(c => c.WorkshopId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.Questions).WithOne().HasForeignKey(q => q.CallId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Criteria).WithOne().HasForeignKey(q => q.CallId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(c => c.Questions).AutoInclude();
        b.Navigation(c => c.Criteria).AutoInclude();
        b.HasMany(c => c.SessionFormats).WithOne().HasForeignKey(f => f.CallId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(c => c.SessionFormats).AutoInclude();
        b.PrimitiveCollection(c => c.TrackIds);
    }
}

internal sealed class SessionFormatConfiguration : IEntityTypeConfiguration<SessionFormat>
{
    public void Configure(EntityTypeBuilder<SessionFormat> b)
    {
        b.ToTable("CallSessionFormats");
        b.Property(f => f.Id).ValueGeneratedNever();
        b.PrimitiveCollection(f => f.Durations);
    }
}

internal sealed class CallQuestionConfiguration : IEntityTypeConfiguration<CallQuestion>
{
    public void Configure(EntityTypeBuilder<CallQuestion> b)
    {
        b.Property(q => q.Id).ValueGeneratedNever();
        b.Property(q => q.Text).IsLocalText();
    }
}

internal sealed class ReviewCriterionConfiguration : IEntityTypeConfiguration<ReviewCriterion>
{
    public void Configure(EntityTypeBuilder<ReviewCriterion> b)
    {
        b.Property(c => c.Id).ValueGeneratedNever();
        b.Property(c => c.Name).HasMaxLength(CriterionDetails.MaxName);
        b.Property(c => c.Description).HasMaxLength(CriterionDetails.MaxDescription);
    }
}

internal sealed class ProposalConfiguration : IEntityTypeConfiguration<Proposal>
{
    public void Configure(EntityTypeBuilder<Proposal> b)
    {
        b.Property(p => p.Id).ValueGeneratedNever();
        b.Property(p => p.ProposerId).HasMaxLength(450);
        b.Property(p => p.Title).HasMaxLength(Proposal.MaxTitle);
        b.Property(p => p.Text).HasMaxLength(Proposal.MaxText);
        // Every change sets UpdatedAt, so a save based on what someone else changed meanwhile is refused, not merged.
        b.Property(p => p.UpdatedAt).IsConcurrencyToken();
        b.HasIndex(p => new { p.CallId, p.Status });
        b.HasIndex(p => p.ProposerId);
        b.HasOne<Call>().WithMany().HasForeignKey(p => p.CallId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Workshop>().WithMany().HasForeignKey(p => p.WorkshopId).OnDelete(DeleteBehavior.SetNull);
        b.OwnsMany(p => p.Answers, a =>
        {
            a.ToTable("ProposalAnswers");
            a.WithOwner().HasForeignKey(x => x.ProposalId);
            a.HasKey(x => x.Id);
            a.Property(x => x.Id).ValueGeneratedNever();
            a.HasIndex(x => new { x.ProposalId, x.QuestionId }).IsUnique();
            a.Property(x => x.Text).HasMaxLength(Proposal.MaxAnswer);
        });
        b.OwnsOne(p => p.Workshop, w =>
        {
            w.ToTable("WorkshopPlans");
            w.Property(x => x.HostInstitution).HasMaxLength(WorkshopPlanDetails.MaxHostInstitution);
            w.Property(x => x.City).HasMaxLength(WorkshopPlanDetails.MaxCity);
            w.Property(x => x.Country).HasMaxLength(WorkshopPlanDetails.MaxCountry);
            w.Property(x => x.TimeZoneId).HasMaxLength(64);
            w.Property(x => x.Format).HasConversion<string>().HasMaxLength(20);
            w.Property(x => x.Topics).HasMaxLength(WorkshopPlanDetails.MaxTopics);
            w.Property(x => x.FundingNotes).HasMaxLength(WorkshopPlanDetails.MaxFundingNotes);
            w.OwnsMany(x => x.Tracks, t =>
            {
                t.ToTable("ProposedTracks");
                t.Property<int>("Id");
                t.HasKey("Id");
                t.Property(x => x.Name).HasMaxLength(ProposedTrackDetails.MaxName);
            });
        });
        b.OwnsOne(p => p.Session, s =>
        {
            s.ToTable("SessionPlans");
            s.Property(x => x.OrganiserNotes).HasMaxLength(SessionPlanDetails.MaxOrganiserNotes);
            // No foreign key to the track: a track removed from the workshop leaves the proposal readable.
        });
        b.OwnsMany(p => p.CoSpeakers, c =>
        {
            c.ToTable("CoSpeakers");
            c.WithOwner().HasForeignKey(x => x.ProposalId);
            c.HasKey(x => x.Id);
            c.Property(x => x.Id).ValueGeneratedNever();
            c.Property(x => x.Name).HasMaxLength(CoSpeakerDetails.MaxName);
            c.Property(x => x.Email).HasMaxLength(CoSpeakerDetails.MaxEmail);
            c.Property(x => x.TokenHash).HasMaxLength(64);
            c.Property(x => x.UserId).HasMaxLength(450);
            c.HasIndex(x => x.TokenHash).IsUnique();
            c.HasIndex(x => x.Email);
        });
    }
}

internal sealed class ReviewConfiguration : IEntityTypeConfiguration<Review>
{
    public void Configure(EntityTypeBuilder<Review> b)
    {
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.ReviewerId).HasMaxLength(450);
        b.Property(r => r.Comment).HasMaxLength(Review.MaxComment);
        // One review per reviewer and proposal; a second save changes the first.
        b.HasIndex(r => new { r.ProposalId, r.ReviewerId }).IsUnique();
        b.HasOne<Proposal>().WithMany().HasForeignKey(r => r.ProposalId).OnDelete(DeleteBehavior.Cascade);
        b.OwnsMany(r => r.Scores, s =>
        {
            s.ToTable("CriterionScores");
            s.WithOwner().HasForeignKey(x => x.ReviewId);
            s.HasKey(x => x.Id);
            s.Property(x => x.Id).ValueGeneratedNever();
            s.HasIndex(x => new { x.ReviewId, x.CriterionId }).IsUnique();
        });
    }
}

internal sealed class ReviewerAssignmentConfiguration : IEntityTypeConfiguration<ReviewerAssignment>
{
    public void Configure(EntityTypeBuilder<ReviewerAssignment> b)
    {
        b.HasKey(a => new { a.ProposalId, a.ReviewerId });
        b.Property(a => a.ReviewerId).HasMaxLength(450);
        b.HasIndex(a => a.ReviewerId);
        b.HasOne<Proposal>().WithMany().HasForeignKey(a => a.ProposalId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EmailTemplateConfiguration : IEntityTypeConfiguration<EmailTemplate>
{
    public void Configure(EntityTypeBuilder<EmailTemplate> b)
    {
        b.HasKey(t => new { t.Key, t.Language });
        b.Property(t => t.Key).HasMaxLength(64);
        b.Property(t => t.Language).HasMaxLength(16).HasDefaultValue("en");
        b.Property(t => t.Subject).HasMaxLength(EmailTemplate.MaxSubject);
        b.Property(t => t.Body).HasMaxLength(EmailTemplate.MaxBody);
        b.Property(t => t.UpdatedBy).HasMaxLength(450);
    }
}
