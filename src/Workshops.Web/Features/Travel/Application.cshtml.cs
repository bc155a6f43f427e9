using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Travel;

/// <summary>A participant applies for travel support from their registration, changes it until the deadline, or withdraws; organisers read it.</summary>
// Saving and submitting queue emails and write rows: counted like proposals, per address and per account.
[Authorize, EnableRateLimiting(Core.Security.RateLimitOptions.Propose)]
public sealed class ApplicationModel(TravelAccess access, TravelDesk desk, TravelReceiptDesk receipts, TravelFiles files) : PageModel
{
    [BindProperty] public TravelForm Input { get; set; } = new();
    public TravelView View { get; private set; } = null!;
    /// <summary>The form is shown: a new application, or one the applicant may still change.</summary>
    public bool Editing => View.MayApply || View.MayEdit;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var view = await access.ForAsync(id, User, ct);
        if (view is null) return NotFound();
        View = view;
        Input = (view.Application is { } a ? TravelForm.From(a) : new TravelForm()).For(view.Fund, view.Registration.Country);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, bool submit, CancellationToken ct)
    {
        var view = await access.ForAsync(id, User, ct);
        if (view is null || !view.IsApplicant) return NotFound();
        View = view;
        if (!Editing)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
            ModelState.AddModelError("", view.Application is null ? Tr.T("Applications for travel support are closed.") : Tr.T("This application can no longer be changed."));
            return Page();
        }
        if (ModelState.IsValid)
        {
            var result = await desk.SaveAsync(id, User.Id()!, Input, submit, ct);
            if (result.Succeeded)
            {
                TempData[Flash.Key] = submit ? Tr.T("Your application for travel support is submitted. We emailed you a receipt.") : Tr.T("Your draft is saved. Submit it before applications close.");
                return Redirect($"/registrations/{id}/travel");
            }
            result.ShowIn(ModelState, f => result.Stale ? "" : FormFields.Key(f));
            Response.StatusCode = result.RefusedStatus;
            // A draft saved before submitting was refused: the page shows it as saved, with what is missing.
            if (result.Id is not null || result.Stale) View = (await access.ForAsync(id, User, ct))!;
            // The form goes on from what is stored now: the draft just saved, or the other window's version.
            if (View.Application is { } saved) Input.Version = Core.Data.Versions.Of(saved.UpdatedAt);
        }
        else Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        Input.For(View.Fund, View.Registration.Country);
        return Page();
    }

    /// <summary>The award letter, for the applicant and the organisers, once there is an award.</summary>
    public async Task<IActionResult> OnGetLetterAsync(Guid id, CancellationToken ct) =>
        await access.ForAsync(id, User, ct) is { } view ? await files.LetterAsync(view, ct) : NotFound();

    public async Task<IActionResult> OnGetReceiptAsync(Guid id, Guid receiptId, CancellationToken ct) =>
        await access.ForAsync(id, User, ct) is { Application: { } a } ? await files.ReceiptAsync(a.Id, receiptId, ct) : NotFound();

    public async Task<IActionResult> OnPostReceiptAsync(Guid id, IFormFile? receipt, Core.Domain.Travel.CostKind? receiptKind, CancellationToken ct)
    {
        var view = await access.ForAsync(id, User, ct);
        if (view is null || !view.IsApplicant) return NotFound();
        var result = await receipts.UploadAsync(id, User.Id()!, receipt, receiptKind, ct);
        if (result.Succeeded)
        {
            TempData[Flash.Key] = Tr.T("Your receipt is uploaded. The organisers approve each cost against its receipts after the workshop.");
            return Redirect($"/registrations/{id}/travel#receipts-heading");
        }
        View = (await access.ForAsync(id, User, ct))!;
        ModelState.AddModelError(result.Field ?? "", result.Error!);
        Response.StatusCode = result.RefusedStatus;
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveReceiptAsync(Guid id, Guid receiptId, CancellationToken ct)
    {
        var view = await access.ForAsync(id, User, ct);
        if (view is null || !view.IsApplicant) return NotFound();
        var result = await receipts.RemoveAsync(id, User.Id()!, receiptId, ct);
        if (result.Succeeded)
        {
            TempData[Flash.Key] = Tr.T("The receipt is removed.");
            return Redirect($"/registrations/{id}/travel#receipts-heading");
        }
        View = (await access.ForAsync(id, User, ct))!;
        ModelState.AddModelError("", result.Error!);
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, bool confirmed, CancellationToken ct)
    {
        var view = await access.ForAsync(id, User, ct);
        if (view is null || !view.IsApplicant) return NotFound();
        View = view;
        if (view.Application is { } a) Input = TravelForm.From(a).For(view.Fund, view.Registration.Country);
        if (!view.MayWithdraw)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
            ModelState.AddModelError("", Tr.T("There is no application to withdraw."));
            return Page();
        }
        if (!confirmed)
        {
            View = view with { ConfirmingWithdraw = true };
            return Page();
        }
        var result = await desk.WithdrawAsync(id, User.Id()!, ct);
        if (!result.Succeeded)
        {
            ModelState.AddModelError("", result.Error!);
            Response.StatusCode = result.RefusedStatus;
            View = (await access.ForAsync(id, User, ct))!;
            return Page();
        }
        TempData[Flash.Key] = Tr.T("Your application for travel support is withdrawn.");
        return Redirect($"/registrations/{id}/travel");
    }
}
