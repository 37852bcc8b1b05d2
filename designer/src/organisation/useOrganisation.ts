import { useCallback } from 'react';
import { organisationApi } from '../api/organisationApi.js';
import { readAll } from '../api/readAll.js';
import type { District, Office, School, User } from '../api/types.js';
import { type ApiData, useApiData } from '../api/useApiData.js';

/** The office user's part of the organisation: 责任区, schools and inspectors, looked up by id. */
export interface Organisation {
  offices: Office[];
  districts: District[];
  districtName: (id: string | null | undefined) => string;
  schools: Map<string, School>;
  inspectors: Map<string, User>;
  inspectorName: (id: string | null | undefined) => string;
}

async function loadOrganisation(): Promise<Organisation> {
  const [{ items: offices }, schools] = await Promise.all([
    organisationApi.offices(),
    readAll((cursor) => organisationApi.schools({ cursor })),
  ]);
  // The user list is per office, so the inspectors of the whole subtree are read office by office.
  const inspectors = (
    await Promise.all(
      offices.map((office) =>
        readAll((cursor) => organisationApi.users({ role: 'inspector', officeId: office.id, cursor })),
      ),
    )
  ).flat();
  // 责任区 belong to county offices.
  const counties = offices.filter((office) => office.level === 'county');
  const districts = (
    await Promise.all(counties.map((office) => organisationApi.districts(office.id)))
  ).flatMap((list) => list.items);
  const districtNames = new Map(districts.map((district) => [district.id, district.name]));
  const inspectorMap = new Map(inspectors.map((user) => [user.id, user]));
  return {
    offices,
    districts,
    districtName: (id) => (id ? (districtNames.get(id) ?? id) : '—'),
    schools: new Map(schools.map((school) => [school.id, school])),
    inspectors: inspectorMap,
    inspectorName: (id) => (id ? (inspectorMap.get(id)?.displayName ?? id) : '—'),
  };
}

/** Loads the organisation once per page (office users only). */
export function useOrganisation(): [ApiData<Organisation>, () => void] {
  return useApiData(useCallback(loadOrganisation, []));
}
