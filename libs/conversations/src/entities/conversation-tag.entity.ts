import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('conversation_tags')
export class ConversationTag {
  @PrimaryColumn('uuid')
  conversationId: string;

  @PrimaryColumn('uuid')
  tagId: string;

  @Column('uuid')
  workspaceId: string;
}
