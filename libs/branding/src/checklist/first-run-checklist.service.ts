import { Injectable } from '@nestjs/common';
import { MemberDirectory, WorkspaceSettingsService, type Principal } from '@sanad/accounts';
import type { FirstRunChecklistView } from '@sanad/contracts';
import { MailboxesService } from '@sanad/conversations';
import { FormsService } from '@sanad/forms';
import { EmailSettingsService, InboundEmailsService } from '@sanad/mail';

/**
 * The home page's first-run guide: connect email (done once mail has arrived), set the brand,
 * invite the team, publish a form. The chat widget adds its step here when it exists.
 */
@Injectable()
export class FirstRunChecklistService {
  constructor(
    private readonly workspaces: WorkspaceSettingsService,
    private readonly members: MemberDirectory,
    private readonly mailboxes: MailboxesService,
    private readonly email: EmailSettingsService,
    private readonly inbound: InboundEmailsService,
    private readonly forms: FormsService,
  ) {}

  async get(principal: Principal): Promise<FirstRunChecklistView> {
    const { workspaceId } = principal;
    const [workspace, mailReceived, team, mailboxes, formPublished] = await Promise.all([
      this.workspaces.workspace(workspaceId),
      this.inbound.anyReceived(workspaceId),
      this.members.hasTeam(workspaceId),
      this.mailboxes.list(principal),
      this.forms.anyPublished(workspaceId),
    ]);
    const inbox = mailboxes.find((m) => m.kind === 'inbox');
    const inboundAddress = inbox
      ? (await this.email.get(workspaceId, inbox.id)).inboundAddress
      : null;
    const steps: FirstRunChecklistView['steps'] = [
      { key: 'email', done: mailReceived },
      { key: 'brand', done: workspace.brandUpdatedAt !== null },
      { key: 'team', done: team },
      { key: 'form', done: formPublished },
    ];
    return { steps, inboundAddress, complete: steps.every((step) => step.done) };
  }
}
