using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workshops.Core.Domain.Community.Projects;
using Workshops.Core.Domain.Registrations;
using Workshops.Core.Domain.Travel;
using Workshops.Core.Domain.Workshops;

namespace Workshops.Core.Data;

internal sealed class TravelFundConfiguration : IEntityTypeConfiguration<TravelFund>
{
    public void Configure(EntityTypeBuilder<TravelFund> b)
    {
        b.Property(f => f.Id).ValueGeneratedNever();
        // Two organisers may edit the settings at once: a save from a stale form fails instead of overwriting (see
        // Versions). The ledger's conditional updates leave UpdatedAt alone, so an award never makes a form stale.
        b.Property(f => f.UpdatedAt).IsConcurrencyToken();
        b.HasIndex(f => f.WorkshopId).IsUnique();
        b.HasOne<Workshop>().WithMany().HasForeignKey(f => f.WorkshopId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Project>().WithMany().HasForeignKey(f => f.FunderProjectId).OnDelete(DeleteBehavior.SetNull);
        b.Property(f => f.Currency).HasMaxLength(3);
        b.Property(f => f.TimeZoneId).HasMaxLength(64);
        b.Property(f => f.Funder).HasMaxLength(TravelFund.MaxFunder);
        b.Property(f => f.Conditions).HasMaxLength(TravelFund.MaxConditions);
        b.Property(f => f.CostKinds).IsJsonList().HasMaxLength(200);
        b.Ignore(f => f.Money);
        b.Ignore(f => f.LeftMinor);
        b.HasMany(f => f.Questions).WithOne().HasForeignKey(q => q.FundId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(f => f.Criteria).WithOne().HasForeignKey(c => c.FundId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(f => f.Rates).WithOne().HasForeignKey(r => r.FundId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(f => f.Questions).AutoInclude();
        b.Navigation(f => f.Criteria).AutoInclude();
        b.Navigation(f => f.Rates).AutoInclude();
    }
}

internal sealed class TravelQuestionConfiguration : IEntityTypeConfiguration<TravelQuestion>
{
    public void Configure(EntityTypeBuilder<TravelQuestion> b)
    {
        b.Property(q => q.Id).ValueGeneratedNever();
        b.Property(q => q.Text).IsLocalText();
    }
}

internal sealed class TravelCriterionConfiguration : IEntityTypeConfiguration<TravelCriterion>
{
    public void Configure(EntityTypeBuilder<TravelCriterion> b)
    {
        b.Property(c => c.Id).ValueGeneratedNever();
        b.Property(c => c.Name).HasMaxLength(Domain.Proposals.CriterionDetails.MaxName);
        b.Property(c => c.Description).HasMaxLength(Domain.Proposals.CriterionDetails.MaxDescription);
    }
}

internal sealed class TravelRateConfiguration : IEntityTypeConfiguration<TravelRate>
{
    public void Configure(EntityTypeBuilder<TravelRate> b)
    {
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.Currency).HasMaxLength(3);
        b.Property(r => r.Rate).HasPrecision(18, 8);
    }
}

internal sealed class TravelApplicationConfiguration : IEntityTypeConfiguration<TravelApplication>
{
    public void Configure(EntityTypeBuilder<TravelApplication> b)
    {
        b.Property(a => a.Id).ValueGeneratedNever();
        // The applicant and organisers change it: a stale save fails instead of overwriting.
        b.Property(a => a.UpdatedAt).IsConcurrencyToken();
        b.HasIndex(a => a.RegistrationId).IsUnique();
        b.HasIndex(a => new { a.FundId, a.Status });
        b.HasIndex(a => a.ApplicantId);
        b.HasOne<TravelFund>().WithMany().HasForeignKey(a => a.FundId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Registration>().WithMany().HasForeignKey(a => a.RegistrationId).OnDelete(DeleteBehavior.Restrict);
        b.Property(a => a.ApplicantId).HasMaxLength(450);
        b.Property(a => a.Currency).HasMaxLength(3);
        b.Property(a => a.InstitutionShare).HasMaxLength(TravelApplication.MaxInstitutionShare);
        b.Property(a => a.Language).HasMaxLength(16);
        b.Ignore(a => a.AwardedMinor);
        b.Ignore(a => a.HeldMinor);
        b.Ignore(a => a.StagedMinor);
        b.Ignore(a => a.IsErased);
        b.OwnsMany(a => a.Costs, c =>
        {
            c.ToTable("TravelCosts");
            c.WithOwner().HasForeignKey(x => x.ApplicationId);
            c.HasKey(x => x.Id);
            c.Property(x => x.Id).ValueGeneratedNever();
            c.Property(x => x.Justification).HasMaxLength(TravelCost.MaxJustification);
            c.Property(x => x.PaymentReference).HasMaxLength(TravelCost.MaxReference);
        });
        b.OwnsMany(a => a.Answers, x =>
        {
            x.ToTable("TravelAnswers");
            x.WithOwner().HasForeignKey(y => y.ApplicationId);
            x.HasKey(y => y.Id);
            x.Property(y => y.Id).ValueGeneratedNever();
            x.Property(y => y.Value).HasMaxLength(TravelAnswer.MaxValue);
        });
    }
}

internal sealed class TravelReviewConfiguration : IEntityTypeConfiguration<TravelReview>
{
    public void Configure(EntityTypeBuilder<TravelReview> b)
    {
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.UpdatedAt).IsConcurrencyToken();
        b.Property(r => r.ReviewerId).HasMaxLength(450);
        b.Property(r => r.Comment).HasMaxLength(Domain.Proposals.Review.MaxComment);
        b.HasIndex(r => new { r.ApplicationId, r.ReviewerId }).IsUnique();
        b.HasIndex(r => r.ReviewerId);
        b.HasOne<TravelApplication>().WithMany().HasForeignKey(r => r.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(r => r.Pairs);
        b.OwnsMany(r => r.Scores, s =>
        {
            s.ToTable("TravelScores");
            s.WithOwner().HasForeignKey(x => x.ReviewId);
            s.HasKey(x => x.Id);
            s.Property(x => x.Id).ValueGeneratedNever();
        });
    }
}

internal sealed class TravelReceiptConfiguration : IEntityTypeConfiguration<TravelReceipt>
{
    public void Configure(EntityTypeBuilder<TravelReceipt> b)
    {
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.FileName).HasMaxLength(TravelReceipt.MaxFileName);
        b.Property(r => r.FileHash).HasMaxLength(128);
        b.Property(r => r.ContentType).HasMaxLength(100);
        b.HasIndex(r => r.ApplicationId);
        b.HasOne<TravelApplication>().WithMany().HasForeignKey(r => r.ApplicationId).OnDelete(DeleteBehavior.Cascade);
    }
}
