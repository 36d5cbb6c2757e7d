CREATE TABLE "agenda_items" (
	"id" serial PRIMARY KEY NOT NULL,
	"meeting_id" integer NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"paper_title" text DEFAULT '' NOT NULL,
	"paper_url" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" integer,
	"organisation_id" integer,
	"entity" text NOT NULL,
	"entity_id" text NOT NULL,
	"action" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"reason" text
);
--> statement-breakpoint
CREATE TABLE "board_members" (
	"id" serial PRIMARY KEY NOT NULL,
	"board_id" integer NOT NULL,
	"name" text NOT NULL,
	"role" text DEFAULT 'member' NOT NULL,
	"organisation_id" integer,
	"from_date" date,
	"to_date" date
);
--> statement-breakpoint
CREATE TABLE "boards" (
	"id" serial PRIMARY KEY NOT NULL,
	"organisation_id" integer NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"remit" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone,
	"is_demo" boolean DEFAULT false NOT NULL,
	CONSTRAINT "boards_slug_unique" UNIQUE("slug"),
	CONSTRAINT "boards_slug_format" CHECK ("boards"."slug" ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
	CONSTRAINT "boards_name_present" CHECK (length(trim("boards"."name")) > 0)
);
--> statement-breakpoint
CREATE TABLE "decision_documents" (
	"id" serial PRIMARY KEY NOT NULL,
	"decision_id" integer NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text DEFAULT 'application/pdf' NOT NULL,
	"sha256" text NOT NULL,
	"byte_length" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by_user_id" integer,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "decision_documents_sha256_format" CHECK ("decision_documents"."sha256" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "decision_documents_length" CHECK ("decision_documents"."byte_length" = octet_length("decision_documents"."content"))
);
--> statement-breakpoint
CREATE TABLE "decision_expenditures" (
	"id" serial PRIMARY KEY NOT NULL,
	"decision_id" integer NOT NULL,
	"direction" text DEFAULT 'expenditure' NOT NULL,
	"amount_pence" bigint NOT NULL,
	"financial_year" integer NOT NULL,
	"budget" text DEFAULT '' NOT NULL,
	"programme_id" integer,
	"recipient" text DEFAULT '' NOT NULL,
	"kind" text DEFAULT 'other' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	CONSTRAINT "decision_expenditures_amount_positive" CHECK ("decision_expenditures"."amount_pence" > 0),
	CONSTRAINT "decision_expenditures_year_range" CHECK ("decision_expenditures"."financial_year" between 2000 and 2100),
	CONSTRAINT "decision_expenditures_direction_known" CHECK ("decision_expenditures"."direction" in ('expenditure', 'receipt')),
	CONSTRAINT "decision_expenditures_kind_known" CHECK ("decision_expenditures"."kind" in ('grant', 'procurement', 'contribution', 'other'))
);
--> statement-breakpoint
CREATE TABLE "decision_milestones" (
	"id" serial PRIMARY KEY NOT NULL,
	"decision_id" integer NOT NULL,
	"description" text NOT NULL,
	"due_on" date
);
--> statement-breakpoint
CREATE TABLE "decision_relations" (
	"decision_id" integer NOT NULL,
	"related_decision_id" integer NOT NULL,
	"kind" text NOT NULL,
	CONSTRAINT "decision_relations_decision_id_related_decision_id_pk" PRIMARY KEY("decision_id","related_decision_id"),
	CONSTRAINT "decision_relations_kind_known" CHECK ("decision_relations"."kind" in ('continues', 'amends', 'supersedes')),
	CONSTRAINT "decision_relations_not_self" CHECK ("decision_relations"."decision_id" <> "decision_relations"."related_decision_id")
);
--> statement-breakpoint
CREATE TABLE "decision_risks" (
	"id" serial PRIMARY KEY NOT NULL,
	"decision_id" integer NOT NULL,
	"description" text NOT NULL,
	"mitigation" text DEFAULT '' NOT NULL,
	"rag" text NOT NULL,
	CONSTRAINT "decision_risks_rag_known" CHECK ("decision_risks"."rag" in ('red', 'amber', 'green'))
);
--> statement-breakpoint
CREATE TABLE "decisions" (
	"id" serial PRIMARY KEY NOT NULL,
	"organisation_id" integer NOT NULL,
	"reference" text NOT NULL,
	"type" text NOT NULL,
	"title" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"directorate" text DEFAULT '' NOT NULL,
	"decision_maker" text DEFAULT '' NOT NULL,
	"executive_summary" text DEFAULT '' NOT NULL,
	"decision_text" text DEFAULT '' NOT NULL,
	"non_confidential_facts" text DEFAULT '' NOT NULL,
	"objectives_and_outcomes" text DEFAULT '' NOT NULL,
	"equality_comments" text DEFAULT '' NOT NULL,
	"protected_characteristics" text[] DEFAULT '{}'::text[] NOT NULL,
	"strategy_links" text DEFAULT '' NOT NULL,
	"consultations" text DEFAULT '' NOT NULL,
	"conflicts_of_interest" text DEFAULT '' NOT NULL,
	"financial_comments" text DEFAULT '' NOT NULL,
	"legal_comments" text DEFAULT '' NOT NULL,
	"part2" text DEFAULT '' NOT NULL,
	"novel_or_contentious" boolean DEFAULT false NOT NULL,
	"threshold_override_reason" text,
	"author_user_id" integer,
	"approved_by_user_id" integer,
	"approved_at" timestamp with time zone,
	"signed_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"decision_date" date,
	"deferral_reason" text,
	"deferred_until" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('english', coalesce(reference, '') || ' ' || coalesce(title, '') || ' ' || coalesce(directorate, '') || ' ' || coalesce(decision_maker, '') || ' ' || coalesce(executive_summary, '') || ' ' || coalesce(decision_text, '') || ' ' || coalesce(non_confidential_facts, '') || ' ' || coalesce(objectives_and_outcomes, ''))) STORED,
	CONSTRAINT "decisions_reference_unique" UNIQUE("reference"),
	CONSTRAINT "decisions_reference_format" CHECK ("decisions"."reference" ~ '^[A-Za-z0-9][A-Za-z0-9/._-]{0,39}$'),
	CONSTRAINT "decisions_type_known" CHECK ("decisions"."type" in ('MD', 'DD', 'ADD', 'DAR', 'other')),
	CONSTRAINT "decisions_status_known" CHECK ("decisions"."status" in ('draft', 'submitted', 'returned', 'approved', 'signed', 'published', 'deferred', 'withdrawn')),
	CONSTRAINT "decisions_title_present" CHECK (length(trim("decisions"."title")) > 0),
	CONSTRAINT "decisions_approver_not_author" CHECK ("decisions"."approved_by_user_id" is null or "decisions"."author_user_id" is null or "decisions"."approved_by_user_id" <> "decisions"."author_user_id")
);
--> statement-breakpoint
CREATE TABLE "fund_years" (
	"fund_id" integer NOT NULL,
	"financial_year" integer NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "fund_years_fund_id_financial_year_pk" PRIMARY KEY("fund_id","financial_year"),
	CONSTRAINT "fund_years_year_range" CHECK ("fund_years"."financial_year" between 2000 and 2100)
);
--> statement-breakpoint
CREATE TABLE "funding_agreements" (
	"id" serial PRIMARY KEY NOT NULL,
	"fund_id" integer NOT NULL,
	"programme_id" integer NOT NULL,
	"decision_id" integer NOT NULL,
	"recipient" text NOT NULL,
	"amount_pence" bigint NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"executed_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	CONSTRAINT "funding_agreements_amount_positive" CHECK ("funding_agreements"."amount_pence" > 0),
	CONSTRAINT "funding_agreements_status_known" CHECK ("funding_agreements"."status" in ('draft', 'executed', 'terminated')),
	CONSTRAINT "funding_agreements_executed_dated" CHECK (("funding_agreements"."status" = 'draft') or ("funding_agreements"."executed_on" is not null))
);
--> statement-breakpoint
CREATE TABLE "funds" (
	"id" serial PRIMARY KEY NOT NULL,
	"organisation_id" integer NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone,
	CONSTRAINT "funds_slug_unique" UNIQUE("slug"),
	CONSTRAINT "funds_slug_format" CHECK ("funds"."slug" ~ '^[a-z0-9][a-z0-9-]{0,62}$')
);
--> statement-breakpoint
CREATE TABLE "ledger_accounts" (
	"id" serial PRIMARY KEY NOT NULL,
	"fund_id" integer NOT NULL,
	"financial_year" integer NOT NULL,
	"kind" text NOT NULL,
	"organisation_id" integer,
	"programme_id" integer,
	"balance_pence" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "ledger_accounts_identity" UNIQUE NULLS NOT DISTINCT("fund_id","financial_year","kind","organisation_id","programme_id"),
	CONSTRAINT "ledger_accounts_kind_known" CHECK ("ledger_accounts"."kind" in ('cash', 'unallocated', 'allocated', 'pledge-receivable', 'pledged')),
	CONSTRAINT "ledger_accounts_owner" CHECK (case "ledger_accounts"."kind"
        when 'allocated' then "ledger_accounts"."programme_id" is not null and "ledger_accounts"."organisation_id" is null
        when 'pledge-receivable' then "ledger_accounts"."organisation_id" is not null and "ledger_accounts"."programme_id" is null
        when 'pledged' then "ledger_accounts"."organisation_id" is not null and "ledger_accounts"."programme_id" is null
        else "ledger_accounts"."organisation_id" is null and "ledger_accounts"."programme_id" is null
      end),
	CONSTRAINT "ledger_accounts_no_overspend" CHECK (case "ledger_accounts"."kind"
        when 'cash' then "ledger_accounts"."balance_pence" >= 0
        when 'unallocated' then "ledger_accounts"."balance_pence" <= 0
        when 'allocated' then "ledger_accounts"."balance_pence" <= 0
        else true
      end)
);
--> statement-breakpoint
CREATE TABLE "ledger_entries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"transaction_id" bigint NOT NULL,
	"account_id" integer NOT NULL,
	"amount_pence" bigint NOT NULL,
	CONSTRAINT "ledger_entries_amount_nonzero" CHECK ("ledger_entries"."amount_pence" <> 0)
);
--> statement-breakpoint
CREATE TABLE "ledger_transactions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"fund_id" integer NOT NULL,
	"financial_year" integer NOT NULL,
	"kind" text NOT NULL,
	"amount_pence" bigint NOT NULL,
	"partner_organisation_id" integer,
	"programme_id" integer,
	"decision_id" integer,
	"funding_agreement_id" integer,
	"occurred_on" date NOT NULL,
	"memo" text DEFAULT '' NOT NULL,
	"created_by_user_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	CONSTRAINT "ledger_transactions_amount_positive" CHECK ("ledger_transactions"."amount_pence" > 0),
	CONSTRAINT "ledger_transactions_kind_known" CHECK ("ledger_transactions"."kind" in ('pledge', 'receipt', 'allocation', 'deallocation', 'payment')),
	CONSTRAINT "ledger_transactions_parties" CHECK (case "ledger_transactions"."kind"
        when 'pledge' then "ledger_transactions"."partner_organisation_id" is not null
        when 'receipt' then "ledger_transactions"."partner_organisation_id" is not null
        when 'allocation' then "ledger_transactions"."programme_id" is not null
        when 'deallocation' then "ledger_transactions"."programme_id" is not null
        when 'payment' then "ledger_transactions"."programme_id" is not null and "ledger_transactions"."decision_id" is not null and "ledger_transactions"."funding_agreement_id" is not null
      end)
);
--> statement-breakpoint
CREATE TABLE "meeting_actions" (
	"id" serial PRIMARY KEY NOT NULL,
	"meeting_id" integer NOT NULL,
	"description" text NOT NULL,
	"owner" text NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"completed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	CONSTRAINT "meeting_actions_status_known" CHECK ("meeting_actions"."status" in ('open', 'done', 'dropped'))
);
--> statement-breakpoint
CREATE TABLE "meeting_decisions" (
	"meeting_id" integer NOT NULL,
	"decision_id" integer NOT NULL,
	CONSTRAINT "meeting_decisions_meeting_id_decision_id_pk" PRIMARY KEY("meeting_id","decision_id")
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" serial PRIMARY KEY NOT NULL,
	"board_id" integer NOT NULL,
	"kind" text DEFAULT 'board' NOT NULL,
	"title" text NOT NULL,
	"held_on" date NOT NULL,
	"location" text DEFAULT '' NOT NULL,
	"minutes" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	CONSTRAINT "meetings_kind_known" CHECK ("meetings"."kind" in ('board', 'champion-and-challenge')),
	CONSTRAINT "meetings_status_known" CHECK ("meetings"."status" in ('planned', 'held', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "memberships" (
	"user_id" integer NOT NULL,
	"organisation_id" integer NOT NULL,
	"role" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "memberships_user_id_organisation_id_pk" PRIMARY KEY("user_id","organisation_id"),
	CONSTRAINT "memberships_role_known" CHECK ("memberships"."role" in ('viewer', 'editor', 'approver', 'admin'))
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"area_code" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone,
	CONSTRAINT "organisations_slug_unique" UNIQUE("slug"),
	CONSTRAINT "organisations_slug_format" CHECK ("organisations"."slug" ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
	CONSTRAINT "organisations_kind_known" CHECK ("organisations"."kind" in ('partner', 'local-authority', 'icb', 'trust', 'voluntary', 'other')),
	CONSTRAINT "organisations_name_present" CHECK (length(trim("organisations"."name")) > 0)
);
--> statement-breakpoint
CREATE TABLE "password_resets" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "programme_decisions" (
	"programme_id" integer NOT NULL,
	"decision_id" integer NOT NULL,
	CONSTRAINT "programme_decisions_programme_id_decision_id_pk" PRIMARY KEY("programme_id","decision_id")
);
--> statement-breakpoint
CREATE TABLE "programme_indicators" (
	"programme_id" integer NOT NULL,
	"indicator_id" integer NOT NULL,
	CONSTRAINT "programme_indicators_programme_id_indicator_id_pk" PRIMARY KEY("programme_id","indicator_id")
);
--> statement-breakpoint
CREATE TABLE "programme_milestones" (
	"id" serial PRIMARY KEY NOT NULL,
	"programme_id" integer NOT NULL,
	"title" text NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'not-started' NOT NULL,
	CONSTRAINT "programme_milestones_status_known" CHECK ("programme_milestones"."status" in ('not-started', 'in-progress', 'done', 'late', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "programme_updates" (
	"id" serial PRIMARY KEY NOT NULL,
	"programme_id" integer NOT NULL,
	"as_of" date NOT NULL,
	"body" text NOT NULL,
	"author_user_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "programmes" (
	"id" serial PRIMARY KEY NOT NULL,
	"organisation_id" integer NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"aims" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone,
	"is_demo" boolean DEFAULT false NOT NULL,
	CONSTRAINT "programmes_slug_unique" UNIQUE("slug"),
	CONSTRAINT "programmes_slug_format" CHECK ("programmes"."slug" ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
	CONSTRAINT "programmes_status_known" CHECK ("programmes"."status" in ('proposed', 'active', 'closed')),
	CONSTRAINT "programmes_name_present" CHECK (length(trim("programmes"."name")) > 0)
);
--> statement-breakpoint
CREATE TABLE "risk_ratings" (
	"id" serial PRIMARY KEY NOT NULL,
	"risk_id" integer NOT NULL,
	"likelihood" integer NOT NULL,
	"impact" integer NOT NULL,
	"rag" text NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"rated_by_user_id" integer,
	"rated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "risk_ratings_likelihood_range" CHECK ("risk_ratings"."likelihood" between 1 and 5),
	CONSTRAINT "risk_ratings_impact_range" CHECK ("risk_ratings"."impact" between 1 and 5),
	CONSTRAINT "risk_ratings_rag_known" CHECK ("risk_ratings"."rag" in ('red', 'amber', 'green'))
);
--> statement-breakpoint
CREATE TABLE "risks" (
	"id" serial PRIMARY KEY NOT NULL,
	"organisation_id" integer NOT NULL,
	"programme_id" integer,
	"kind" text DEFAULT 'risk' NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"owner" text NOT NULL,
	"likelihood" integer NOT NULL,
	"impact" integer NOT NULL,
	"score" integer GENERATED ALWAYS AS (likelihood * impact) STORED,
	"rag" text NOT NULL,
	"mitigations" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone,
	"is_demo" boolean DEFAULT false NOT NULL,
	CONSTRAINT "risks_likelihood_range" CHECK ("risks"."likelihood" between 1 and 5),
	CONSTRAINT "risks_impact_range" CHECK ("risks"."impact" between 1 and 5),
	CONSTRAINT "risks_rag_known" CHECK ("risks"."rag" in ('red', 'amber', 'green')),
	CONSTRAINT "risks_kind_known" CHECK ("risks"."kind" in ('risk', 'issue')),
	CONSTRAINT "risks_status_known" CHECK ("risks"."status" in ('open', 'closed')),
	CONSTRAINT "risks_title_present" CHECK (length(trim("risks"."title")) > 0)
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"csrf_secret" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" serial PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text,
	"oidc_issuer" text,
	"oidc_subject" text,
	"is_platform_admin" boolean DEFAULT false NOT NULL,
	"failed_sign_ins" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"disabled_at" timestamp with time zone,
	"is_demo" boolean DEFAULT false NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email"),
	CONSTRAINT "users_email_lower" CHECK ("users"."email" = lower("users"."email") and "users"."email" like '%_@_%'),
	CONSTRAINT "users_name_present" CHECK (length(trim("users"."name")) > 0),
	CONSTRAINT "users_failed_non_negative" CHECK ("users"."failed_sign_ins" >= 0),
	CONSTRAINT "users_oidc_pair" CHECK (("users"."oidc_issuer" is null) = ("users"."oidc_subject" is null))
);
--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_members" ADD CONSTRAINT "board_members_board_id_boards_id_fk" FOREIGN KEY ("board_id") REFERENCES "public"."boards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_members" ADD CONSTRAINT "board_members_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "boards" ADD CONSTRAINT "boards_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_documents" ADD CONSTRAINT "decision_documents_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_documents" ADD CONSTRAINT "decision_documents_uploaded_by_user_id_users_id_fk" FOREIGN KEY ("uploaded_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_expenditures" ADD CONSTRAINT "decision_expenditures_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_expenditures" ADD CONSTRAINT "decision_expenditures_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_milestones" ADD CONSTRAINT "decision_milestones_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_relations" ADD CONSTRAINT "decision_relations_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_relations" ADD CONSTRAINT "decision_relations_related_decision_id_decisions_id_fk" FOREIGN KEY ("related_decision_id") REFERENCES "public"."decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_risks" ADD CONSTRAINT "decision_risks_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_approved_by_user_id_users_id_fk" FOREIGN KEY ("approved_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_years" ADD CONSTRAINT "fund_years_fund_id_funds_id_fk" FOREIGN KEY ("fund_id") REFERENCES "public"."funds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_agreements" ADD CONSTRAINT "funding_agreements_fund_id_funds_id_fk" FOREIGN KEY ("fund_id") REFERENCES "public"."funds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_agreements" ADD CONSTRAINT "funding_agreements_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_agreements" ADD CONSTRAINT "funding_agreements_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funds" ADD CONSTRAINT "funds_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_accounts" ADD CONSTRAINT "ledger_accounts_fund_id_funds_id_fk" FOREIGN KEY ("fund_id") REFERENCES "public"."funds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_accounts" ADD CONSTRAINT "ledger_accounts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_accounts" ADD CONSTRAINT "ledger_accounts_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_transaction_id_ledger_transactions_id_fk" FOREIGN KEY ("transaction_id") REFERENCES "public"."ledger_transactions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_account_id_ledger_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."ledger_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_transactions" ADD CONSTRAINT "ledger_transactions_fund_id_funds_id_fk" FOREIGN KEY ("fund_id") REFERENCES "public"."funds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_transactions" ADD CONSTRAINT "ledger_transactions_partner_organisation_id_organisations_id_fk" FOREIGN KEY ("partner_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_transactions" ADD CONSTRAINT "ledger_transactions_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_transactions" ADD CONSTRAINT "ledger_transactions_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_transactions" ADD CONSTRAINT "ledger_transactions_funding_agreement_id_funding_agreements_id_fk" FOREIGN KEY ("funding_agreement_id") REFERENCES "public"."funding_agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_transactions" ADD CONSTRAINT "ledger_transactions_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_actions" ADD CONSTRAINT "meeting_actions_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_decisions" ADD CONSTRAINT "meeting_decisions_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_decisions" ADD CONSTRAINT "meeting_decisions_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_board_id_boards_id_fk" FOREIGN KEY ("board_id") REFERENCES "public"."boards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_area_code_areas_code_fk" FOREIGN KEY ("area_code") REFERENCES "public"."areas"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "password_resets" ADD CONSTRAINT "password_resets_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_decisions" ADD CONSTRAINT "programme_decisions_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_decisions" ADD CONSTRAINT "programme_decisions_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_indicators" ADD CONSTRAINT "programme_indicators_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_indicators" ADD CONSTRAINT "programme_indicators_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_milestones" ADD CONSTRAINT "programme_milestones_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_updates" ADD CONSTRAINT "programme_updates_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_updates" ADD CONSTRAINT "programme_updates_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programmes" ADD CONSTRAINT "programmes_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_ratings" ADD CONSTRAINT "risk_ratings_risk_id_risks_id_fk" FOREIGN KEY ("risk_id") REFERENCES "public"."risks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_ratings" ADD CONSTRAINT "risk_ratings_rated_by_user_id_users_id_fk" FOREIGN KEY ("rated_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risks" ADD CONSTRAINT "risks_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risks" ADD CONSTRAINT "risks_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agenda_items_meeting_idx" ON "agenda_items" USING btree ("meeting_id","position");--> statement-breakpoint
CREATE INDEX "audit_events_entity_idx" ON "audit_events" USING btree ("entity","entity_id","id");--> statement-breakpoint
CREATE INDEX "board_members_board_idx" ON "board_members" USING btree ("board_id");--> statement-breakpoint
CREATE INDEX "decision_documents_decision_idx" ON "decision_documents" USING btree ("decision_id");--> statement-breakpoint
CREATE INDEX "decision_expenditures_decision_idx" ON "decision_expenditures" USING btree ("decision_id");--> statement-breakpoint
CREATE INDEX "decision_milestones_decision_idx" ON "decision_milestones" USING btree ("decision_id");--> statement-breakpoint
CREATE INDEX "decision_risks_decision_idx" ON "decision_risks" USING btree ("decision_id");--> statement-breakpoint
CREATE INDEX "decisions_organisation_idx" ON "decisions" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "decisions_search_idx" ON "decisions" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "ledger_entries_transaction_idx" ON "ledger_entries" USING btree ("transaction_id");--> statement-breakpoint
CREATE INDEX "ledger_entries_account_idx" ON "ledger_entries" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "ledger_transactions_fund_idx" ON "ledger_transactions" USING btree ("fund_id","financial_year");--> statement-breakpoint
CREATE INDEX "meeting_actions_meeting_idx" ON "meeting_actions" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "meeting_actions_open_idx" ON "meeting_actions" USING btree ("status","due_on");--> statement-breakpoint
CREATE INDEX "meetings_board_idx" ON "meetings" USING btree ("board_id","held_on");--> statement-breakpoint
CREATE INDEX "password_resets_user_idx" ON "password_resets" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "programme_milestones_programme_idx" ON "programme_milestones" USING btree ("programme_id");--> statement-breakpoint
CREATE INDEX "programme_updates_programme_idx" ON "programme_updates" USING btree ("programme_id","as_of");--> statement-breakpoint
CREATE INDEX "risk_ratings_risk_idx" ON "risk_ratings" USING btree ("risk_id","rated_at");--> statement-breakpoint
CREATE INDEX "risks_organisation_idx" ON "risks" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "risks_programme_idx" ON "risks" USING btree ("programme_id");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
-- The audit log is append-only: neither an application bug nor a hand-written statement rewrites history.
CREATE FUNCTION "audit_events_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only (% refused)', TG_OP USING ERRCODE = 'restrict_violation';
END;
$$;--> statement-breakpoint
CREATE TRIGGER "audit_events_no_update_or_delete" BEFORE UPDATE OR DELETE ON "audit_events"
  FOR EACH ROW EXECUTE FUNCTION "audit_events_append_only"();
