-- Governance records are withdrawn, closed or archived, never deleted: the database refuses a DELETE of
-- them whatever asks, so that the public record and the audit log's "before" always have their subject.
CREATE FUNCTION "governance_refuse_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% rows are never deleted: withdraw, close or archive them instead', TG_TABLE_NAME
    USING ERRCODE = 'restrict_violation';
END;
$$;--> statement-breakpoint
CREATE TRIGGER "organisations_no_delete" BEFORE DELETE ON "organisations" FOR EACH ROW EXECUTE FUNCTION "governance_refuse_delete"();--> statement-breakpoint
CREATE TRIGGER "users_no_delete" BEFORE DELETE ON "users" FOR EACH ROW EXECUTE FUNCTION "governance_refuse_delete"();--> statement-breakpoint
CREATE TRIGGER "memberships_no_delete" BEFORE DELETE ON "memberships" FOR EACH ROW EXECUTE FUNCTION "governance_refuse_delete"();--> statement-breakpoint
CREATE TRIGGER "decisions_no_delete" BEFORE DELETE ON "decisions" FOR EACH ROW EXECUTE FUNCTION "governance_refuse_delete"();--> statement-breakpoint
CREATE TRIGGER "decision_documents_no_delete" BEFORE DELETE ON "decision_documents" FOR EACH ROW EXECUTE FUNCTION "governance_refuse_delete"();--> statement-breakpoint
CREATE TRIGGER "funds_no_delete" BEFORE DELETE ON "funds" FOR EACH ROW EXECUTE FUNCTION "governance_refuse_delete"();--> statement-breakpoint
CREATE TRIGGER "fund_years_no_delete" BEFORE DELETE ON "fund_years" FOR EACH ROW EXECUTE FUNCTION "governance_refuse_delete"();--> statement-breakpoint
CREATE TRIGGER "funding_agreements_no_delete" BEFORE DELETE ON "funding_agreements" FOR EACH ROW EXECUTE FUNCTION "governance_refuse_delete"();--> statement-breakpoint
CREATE TRIGGER "programmes_no_delete" BEFORE DELETE ON "programmes" FOR EACH ROW EXECUTE FUNCTION "governance_refuse_delete"();--> statement-breakpoint
CREATE TRIGGER "programme_milestones_no_delete" BEFORE DELETE ON "programme_milestones" FOR EACH ROW EXECUTE FUNCTION "governance_refuse_delete"();--> statement-breakpoint
CREATE TRIGGER "programme_updates_no_delete" BEFORE DELETE ON "programme_updates" FOR EACH ROW EXECUTE FUNCTION "governance_refuse_delete"();--> statement-breakpoint
CREATE TRIGGER "risks_no_delete" BEFORE DELETE ON "risks" FOR EACH ROW EXECUTE FUNCTION "governance_refuse_delete"();--> statement-breakpoint
CREATE TRIGGER "risk_ratings_no_delete" BEFORE DELETE ON "risk_ratings" FOR EACH ROW EXECUTE FUNCTION "governance_refuse_delete"();--> statement-breakpoint
CREATE TRIGGER "boards_no_delete" BEFORE DELETE ON "boards" FOR EACH ROW EXECUTE FUNCTION "governance_refuse_delete"();--> statement-breakpoint
CREATE TRIGGER "board_members_no_delete" BEFORE DELETE ON "board_members" FOR EACH ROW EXECUTE FUNCTION "governance_refuse_delete"();--> statement-breakpoint
CREATE TRIGGER "meetings_no_delete" BEFORE DELETE ON "meetings" FOR EACH ROW EXECUTE FUNCTION "governance_refuse_delete"();--> statement-breakpoint
CREATE TRIGGER "agenda_items_no_delete" BEFORE DELETE ON "agenda_items" FOR EACH ROW EXECUTE FUNCTION "governance_refuse_delete"();--> statement-breakpoint
CREATE TRIGGER "meeting_actions_no_delete" BEFORE DELETE ON "meeting_actions" FOR EACH ROW EXECUTE FUNCTION "governance_refuse_delete"();--> statement-breakpoint
CREATE TRIGGER "meeting_decisions_no_delete" BEFORE DELETE ON "meeting_decisions" FOR EACH ROW EXECUTE FUNCTION "governance_refuse_delete"();--> statement-breakpoint
-- A decision's lines, risks, milestones and relations are part of the form while it is being written: they
-- may be removed (each removal audited with the row) only while the decision is a draft or returned.
CREATE FUNCTION "decision_part_refuse_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM "decisions" WHERE "id" = OLD."decision_id" AND "status" IN ('draft', 'returned')) THEN
    RAISE EXCEPTION '% rows of a decision past its draft are never deleted', TG_TABLE_NAME
      USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN OLD;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "decision_expenditures_no_delete" BEFORE DELETE ON "decision_expenditures" FOR EACH ROW EXECUTE FUNCTION "decision_part_refuse_delete"();--> statement-breakpoint
CREATE TRIGGER "decision_risks_no_delete" BEFORE DELETE ON "decision_risks" FOR EACH ROW EXECUTE FUNCTION "decision_part_refuse_delete"();--> statement-breakpoint
CREATE TRIGGER "decision_milestones_no_delete" BEFORE DELETE ON "decision_milestones" FOR EACH ROW EXECUTE FUNCTION "decision_part_refuse_delete"();--> statement-breakpoint
CREATE TRIGGER "decision_relations_no_delete" BEFORE DELETE ON "decision_relations" FOR EACH ROW EXECUTE FUNCTION "decision_part_refuse_delete"();
