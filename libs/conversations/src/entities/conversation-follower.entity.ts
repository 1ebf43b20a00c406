import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** An agent who follows a conversation (التي أتابعها). */
@Entity('conversation_followers')
export class ConversationFollower {
  @PrimaryColumn('uuid')
  conversationId: string;

  @PrimaryColumn('uuid')
  userId: string;

  @Column('uuid')
  workspaceId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
