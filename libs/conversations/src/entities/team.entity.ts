import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A team (فريق عمل) conversations can be assigned to, alongside or instead of an agent. */
@Entity('teams')
export class Team {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  workspaceId: string;

  @Column('text')
  name: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
